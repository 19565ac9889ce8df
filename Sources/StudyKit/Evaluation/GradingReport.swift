/// How well grading judges answers of known quality, on a labelled set of good, partial and
/// wrong answers per entry: whether scores put good above partial above wrong, whether the
/// suggested rating fits (good → good or easy; partial → again or hard; wrong → again), and the
/// serious errors (a good answer suggested "again", a wrong one "good" or "easy").
public struct GradingReport: Sendable, Equatable {
    /// Hand-written answers to one entry: one of each quality, and optionally a second set.
    public struct LabelledAnswers: Sendable, Equatable, Decodable {
        public let id: Int
        public let good: String
        public let partial: String
        public let wrong: String
        public let good2: String?
        public let partial2: String?
        public let wrong2: String?
        /// The writer's judgement that the entry has no single right answer.
        public let open: Bool?

        public init(id: Int, good: String, partial: String, wrong: String) {
            (self.id, self.good, self.partial, self.wrong) = (id, good, partial, wrong)
            (good2, partial2, wrong2, open) = (nil, nil, nil, nil)
        }

        /// The answer triples, first and (when present) second.
        var triples: [(good: String, partial: String, wrong: String)] {
            var triples = [(good, partial, wrong)]
            if let good2, let partial2, let wrong2 { triples.append((good2, partial2, wrong2)) }
            return triples
        }
    }

    public enum Quality: String, Sendable, CaseIterable {
        case good, partial, wrong

        /// The ratings a fair interviewer's grade would suggest for an answer of this quality.
        var fittingRatings: Set<Rating> {
            switch self {
            case .good: [.good, .easy]
            case .partial: [.again, .hard]
            case .wrong: [.again]
            }
        }
    }

    /// One triple of answers to one entry, as graded.
    public struct Row: Sendable, Equatable {
        public let id: Int
        public let good: Int
        public let partial: Int
        public let wrong: Int
        public let suggested: [Quality: Rating]
        /// The qualities whose suggestion the grader was sure of (`Grade.suggestionSure`).
        public var sure: Set<Quality> = []
        public var holds: Bool { good > partial && partial > wrong }
    }

    /// Triples of scored entries.
    public let rows: [Row]
    /// Entries the grader leaves to the learner's own rating (no single right answer).
    public let selfRated: [Int]

    public init(answers: [LabelledAnswers], grader: Grader) {
        var rows: [Row] = []
        var selfRated: [Int] = []
        for item in answers {
            for triple in item.triples {
                guard let good = grader.grade(triple.good, forEntry: item.id),
                    let partial = grader.grade(triple.partial, forEntry: item.id),
                    let wrong = grader.grade(triple.wrong, forEntry: item.id)
                else { continue }
                guard !good.selfRated else {
                    if !selfRated.contains(item.id) { selfRated.append(item.id) }
                    continue
                }
                var row = Row(
                    id: item.id, good: good.score, partial: partial.score, wrong: wrong.score,
                    suggested: [.good: good.suggestedRating, .partial: partial.suggestedRating, .wrong: wrong.suggestedRating])
                row.sure = Set([(Quality.good, good), (.partial, partial), (.wrong, wrong)].filter { $0.1.suggestionSure }.map(\.0))
                rows.append(row)
            }
        }
        self.rows = rows
        self.selfRated = selfRated
    }

    private func share(_ predicate: (Row) -> Bool) -> Double {
        rows.isEmpty ? 0 : Double(rows.filter(predicate).count) / Double(rows.count)
    }

    /// Triples whose three answers are in the right order (ties count as wrong).
    public var orderHolds: Double { share(\.holds) }
    public var goodOverPartial: Double { share { $0.good > $0.partial } }
    public var partialOverWrong: Double { share { $0.partial > $0.wrong } }
    public var goodOverWrong: Double { share { $0.good > $0.wrong } }
    /// The three pairwise comparisons of every triple, together (counted, not averaged as shares,
    /// so that a figure on a threshold is not rounded below it).
    public var pairsInOrder: Double {
        let inOrder = rows.reduce(0) { count, row in
            count + [row.good > row.partial, row.partial > row.wrong, row.good > row.wrong].filter { $0 }.count
        }
        return rows.isEmpty ? 0 : Double(inOrder) / Double(3 * rows.count)
    }

    /// The share of graded answers whose suggested rating fits their quality.
    public var suggestionFits: Double {
        let judged = rows.flatMap { row in Quality.allCases.map { ($0, row.suggested[$0]!) } }
        return judged.isEmpty ? 0 : Double(judged.filter { $0.0.fittingRatings.contains($0.1) }.count) / Double(judged.count)
    }

    /// Every graded answer with its quality, suggestion and whether the grader was sure of it.
    private var judged: [(quality: Quality, rating: Rating, sure: Bool)] {
        rows.flatMap { row in Quality.allCases.map { ($0, row.suggested[$0]!, row.sure.contains($0)) } }
    }

    /// The share of graded answers whose suggestion the grader is sure of.
    public var sureCoverage: Double {
        let all = judged
        return all.isEmpty ? 0 : Double(all.filter(\.sure).count) / Double(all.count)
    }

    /// Among sure suggestions, the share that fits the answer's quality.
    public var sureFits: Double {
        let sure = judged.filter(\.sure)
        return sure.isEmpty ? 0 : Double(sure.filter { $0.quality.fittingRatings.contains($0.rating) }.count) / Double(sure.count)
    }

    /// Serious errors among sure suggestions: what a learner pressing Enter would take.
    public var sureSeriousErrors: Int {
        judged.filter { $0.sure && Self.isSerious(quality: $0.quality, rating: $0.rating) }.count
    }

    static func isSerious(quality: Quality, rating: Rating) -> Bool {
        (quality == .good && rating == .again) || (quality == .wrong && [.good, .easy].contains(rating))
    }

    /// How many answers of each quality were suggested each rating.
    public var confusion: [Quality: [Rating: Int]] {
        var matrix: [Quality: [Rating: Int]] = [:]
        for row in rows {
            for quality in Quality.allCases { matrix[quality, default: [:]][row.suggested[quality]!, default: 0] += 1 }
        }
        return matrix
    }

    /// Good answers suggested "again", and wrong answers suggested "good" or "easy".
    public var seriousErrors: Int {
        rows.filter { $0.suggested[.good] == .again }.count
            + rows.filter { [.good, .easy].contains($0.suggested[.wrong]!) }.count
    }

    /// `showRows`: list the triples out of order (never for a test split).
    public func markdown(answerFile: String, showRows: Bool, title: String = "Grading") -> String {
        var text = """
            ## \(title)

            From `\(answerFile)`: \(rows.count) triples of a good, a partial and a wrong answer, written by hand \
            without seeing the grader\(selfRated.isEmpty ? "" : "; entries \(selfRated.map { "#\($0)" }.joined(separator: ", ")) have no single right answer and are left to the learner's own rating").

            | measure | value |
            | --- | --- |
            | all pairs in order (good > partial > wrong) | \(RetrievalComparison.percent(pairsInOrder)) |
            | triples in full order (ties fail) | \(RetrievalComparison.percent(orderHolds)) |
            | good > partial | \(RetrievalComparison.percent(goodOverPartial)) |
            | partial > wrong | \(RetrievalComparison.percent(partialOverWrong)) |
            | good > wrong | \(RetrievalComparison.percent(goodOverWrong)) |
            | suggested rating fits (good → good/easy, partial → again/hard, wrong → again) | \(RetrievalComparison.percent(suggestionFits)) |
            | serious errors (good → again, wrong → good/easy) | \(seriousErrors) |
            | answers whose suggestion the grader is sure of | \(RetrievalComparison.percent(sureCoverage)) |
            | sure suggestions that fit | \(RetrievalComparison.percent(sureFits)) |
            | serious errors among sure suggestions | \(sureSeriousErrors) |

            Suggested ratings by the answer's quality:

            | answer | again | hard | good | easy |
            | --- | --- | --- | --- | --- |

            """
        for quality in Quality.allCases {
            let counts = confusion[quality] ?? [:]
            text += "| \(quality.rawValue) | " + Rating.allCases.map { "\(counts[$0] ?? 0)" }.joined(separator: " | ") + " |\n"
        }
        if showRows {
            text += "\nTriples out of order (scores good / partial / wrong):\n\n"
            for row in rows where !row.holds { text += "- #\(row.id): \(row.good) / \(row.partial) / \(row.wrong)\n" }
        }
        return text
    }
}
