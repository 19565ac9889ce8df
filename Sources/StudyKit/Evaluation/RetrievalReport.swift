/// Retrieval quality over a labelled query set: top-1 and MRR@3 per kind of query, and how well
/// `confident` separates answerable questions from off-topic ones.
public struct RetrievalReport: Sendable, Equatable {
    public struct KindFigures: Sendable, Equatable {
        public let kind: String
        public let count: Int
        /// Share whose best hit answers the query (on-topic kinds).
        public let topOne: Double
        /// Mean reciprocal rank of the first answering hit within the top three.
        public let mrrAtThree: Double
        /// Share answered confidently; for off-topic queries lower is better.
        public let confidentShare: Double
    }

    public struct Miss: Sendable, Equatable {
        public let query: LabelledQuery
        public let got: [Int]
        public let confident: Bool
    }

    public let kinds: [KindFigures]
    /// Top-1 over every on-topic query.
    public let topOne: Double
    public let mrrAtThree: Double
    /// Of the queries answered "no good match", the share that really are off-topic.
    public let offTopicPrecision: Double
    /// Of the off-topic queries, the share answered "no good match".
    public let offTopicRecall: Double
    /// Of the confident answers, the share whose best hit is right.
    public let confidentPrecision: Double
    /// Of the on-topic queries, the share answered confidently.
    public let confidentRecall: Double
    public let misses: [Miss]

    /// What the search returned for one labelled query: enough to judge any confidence threshold.
    public struct Outcome: Sendable, Equatable {
        public let query: LabelledQuery
        public let ids: [Int]
        public let bestScore: Double
        public let coverage: Double
        public let foreignTopics: Int
        public let foreignTechnologies: Int
        public var unknownNames = 0
        public let bestSimilarity: Double?
        public let uncoveredEvidence: Double?
    }

    public static func outcomes(of queries: [LabelledQuery], searcher: Searcher) -> [Outcome] {
        queries.map { query in
            let result = searcher.search(query.q, limit: 3)
            var outcome = Outcome(
                query: query, ids: result.hits.map(\.entry.id), bestScore: result.bestScore, coverage: result.coverage,
                foreignTopics: result.analysis.foreignTopics.count, foreignTechnologies: result.analysis.foreignTechnologies.count,
                bestSimilarity: result.bestSimilarity, uncoveredEvidence: result.uncoveredEvidence)
            outcome.unknownNames = result.analysis.unknownNames.count
            return outcome
        }
    }

    public init(queries: [LabelledQuery], searcher: Searcher) {
        self.init(outcomes: Self.outcomes(of: queries, searcher: searcher), confidence: searcher.confidence)
    }

    public init(outcomes: [Outcome], confidence: MatchConfidence) {
        let rows = outcomes.map { outcome in
            (
                query: outcome.query, ids: outcome.ids,
                confident: confidence.isConfident(
                    bestScore: outcome.bestScore, coverage: outcome.coverage, foreignTopics: outcome.foreignTopics,
                    foreignTechnologies: outcome.foreignTechnologies, similarity: outcome.bestSimilarity,
                    uncoveredSimilarity: outcome.uncoveredEvidence, unknownNames: outcome.unknownNames)
            )
        }
        let hitRank = { (row: (query: LabelledQuery, ids: [Int], confident: Bool)) -> Int? in
            row.ids.firstIndex { row.query.expect.contains($0) }.map { $0 + 1 }
        }
        let share = { (count: Int, total: Int) in total > 0 ? Double(count) / Double(total) : 0 }
        var kindNames: [String] = []
        for row in rows where !kindNames.contains(row.query.kind) { kindNames.append(row.query.kind) }
        kinds = kindNames.map { kind in
            let group = rows.filter { $0.query.kind == kind }
            return KindFigures(
                kind: kind, count: group.count,
                topOne: share(group.filter { hitRank($0) == 1 }.count, group.count),
                mrrAtThree: group.isEmpty ? 0 : group.map { hitRank($0).map { 1 / Double($0) } ?? 0 }.reduce(0, +) / Double(group.count),
                confidentShare: share(group.filter(\.confident).count, group.count))
        }
        let onTopic = rows.filter { !$0.query.isOffTopic }
        let offTopic = rows.filter { $0.query.isOffTopic }
        topOne = share(onTopic.filter { hitRank($0) == 1 }.count, onTopic.count)
        mrrAtThree = onTopic.isEmpty ? 0 : onTopic.map { hitRank($0).map { 1 / Double($0) } ?? 0 }.reduce(0, +) / Double(onTopic.count)
        let declined = rows.filter { !$0.confident }
        offTopicPrecision = share(declined.filter { $0.query.isOffTopic }.count, declined.count)
        offTopicRecall = share(offTopic.filter { !$0.confident }.count, offTopic.count)
        let confident = rows.filter(\.confident)
        confidentPrecision = share(confident.filter { hitRank($0) == 1 }.count, confident.count)
        confidentRecall = share(onTopic.filter(\.confident).count, onTopic.count)
        misses = rows.filter { $0.query.isOffTopic ? $0.confident : (hitRank($0) != 1 || !$0.confident) }
            .map { Miss(query: $0.query, got: $0.ids, confident: $0.confident) }
    }

    /// The lowest top-1 of any on-topic kind.
    public var worstKindTopOne: Double {
        kinds.filter { $0.kind != "offtopic" }.map(\.topOne).min() ?? 0
    }
}
