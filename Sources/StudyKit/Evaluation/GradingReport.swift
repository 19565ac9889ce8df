/// How well grading orders answers of known quality: for each entry a good answer should score
/// above a partial one, and that above a wrong one.
public struct GradingReport: Sendable, Equatable {
    /// Three hand-written answers to one entry.
    public struct LabelledAnswers: Sendable, Equatable, Decodable {
        public let id: Int
        public let good: String
        public let partial: String
        public let wrong: String
    }

    public struct Row: Sendable, Equatable {
        public let id: Int
        public let good: Int
        public let partial: Int
        public let wrong: Int
        public var holds: Bool { good > partial && partial > wrong }
    }

    public let rows: [Row]

    public init(answers: [LabelledAnswers], grader: Grader) {
        rows = answers.compactMap { item in
            guard let good = grader.grade(item.good, forEntry: item.id),
                let partial = grader.grade(item.partial, forEntry: item.id),
                let wrong = grader.grade(item.wrong, forEntry: item.id)
            else { return nil }
            return Row(id: item.id, good: good.score, partial: partial.score, wrong: wrong.score)
        }
    }

    private func share(_ predicate: (Row) -> Bool) -> Double {
        rows.isEmpty ? 0 : Double(rows.filter(predicate).count) / Double(rows.count)
    }

    /// Entries whose three answers are in the right order (ties count as wrong).
    public var orderHolds: Double { share(\.holds) }
    public var goodOverPartial: Double { share { $0.good > $0.partial } }
    public var partialOverWrong: Double { share { $0.partial > $0.wrong } }
    public var goodOverWrong: Double { share { $0.good > $0.wrong } }
    /// The three pairwise comparisons of every entry, together.
    public var pairsInOrder: Double { (goodOverPartial + partialOverWrong + goodOverWrong) / 3 }

    public func markdown(answerFile: String) -> String {
        var text = """
            ## Grading

            From `\(answerFile)`: for each of \(rows.count) entries a good answer in the learner's own words, \
            a partial one and a wrong one, written by hand without seeing the grader.

            | measure | value |
            | --- | --- |
            | entries in full order (good > partial > wrong; ties fail) | \(RetrievalComparison.percent(orderHolds)) |
            | all pairs in order | \(RetrievalComparison.percent(pairsInOrder)) |
            | good > partial | \(RetrievalComparison.percent(goodOverPartial)) |
            | partial > wrong | \(RetrievalComparison.percent(partialOverWrong)) |
            | good > wrong | \(RetrievalComparison.percent(goodOverWrong)) |

            Entries out of order (scores good / partial / wrong):

            """
        for row in rows where !row.holds { text += "- #\(row.id): \(row.good) / \(row.partial) / \(row.wrong)\n" }
        return text
    }
}
