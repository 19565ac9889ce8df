/// The running count of one sitting's quiz answers.
public struct SessionTally: Sendable, Equatable {
    public private(set) var answered = 0
    public private(set) var scoreTotal = 0
    public private(set) var graded = 0
    private var scores: [Int?] = []

    public init() {}

    mutating func add(score: Int?) {
        answered += 1
        scores.append(score)
        if let score {
            scoreTotal += score
            graded += 1
        }
    }

    /// For `/undo`: forgets the most recent answer with this score (a cram answered since may
    /// have been counted after it).
    mutating func remove(score: Int?) {
        guard let index = scores.lastIndex(of: score) else { return }
        scores.remove(at: index)
        answered -= 1
        if let score {
            scoreTotal -= score
            graded -= 1
        }
    }

    public var averageScore: Int? { graded > 0 ? Int((Double(scoreTotal) / Double(graded)).rounded()) : nil }

    /// `Session: 3 answered, average 55.`
    public var summary: String {
        let average = averageScore.map { ", average \($0)" } ?? ""
        return "Session: \(answered) answered\(average)."
    }
}
