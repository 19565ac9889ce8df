/// The running count of one sitting's answers: the quiz's, which the schedule keeps, and the
/// cram's apart, which change nothing.
public struct SessionTally: Sendable, Equatable {
    /// Answers and the scores of those graded (a revealed answer has none).
    public struct Count: Sendable, Equatable {
        fileprivate var scores: [Int?] = []

        public var answered: Int { scores.count }

        public var averageScore: Int? {
            let graded = scores.compactMap { $0 }
            return graded.isEmpty ? nil : Int((Double(graded.reduce(0, +)) / Double(graded.count)).rounded())
        }

        fileprivate mutating func add(score: Int?) {
            scores.append(score)
        }

        /// `3 answered, average 55`
        fileprivate var description: String {
            "\(answered) answered" + (averageScore.map { ", average \($0)" } ?? "")
        }
    }

    public private(set) var quiz = Count()
    public private(set) var cram = Count()

    public init() {}

    mutating func add(score: Int?, cram isCram: Bool) {
        if isCram { cram.add(score: score) } else { quiz.add(score: score) }
    }

    /// For `/undo`: forgets the quiz's most recent answer.
    mutating func removeLastQuizAnswer() {
        _ = quiz.scores.popLast()
    }

    public var answered: Int { quiz.answered + cram.answered }

    /// `Session: 3 answered, average 55.`, with ` Cram: 2 answered, not saved.` after a cram.
    public var summary: String {
        var text = "Session: \(quiz.description)."
        if cram.answered > 0 { text += " Cram: \(cram.description), not saved." }
        return text
    }
}
