/// What a query became on its way to the index: the record that `/why` explains.
public struct QueryAnalysis: Sendable, Equatable {
    /// A misspelled word replaced by the corpus word nearest to it.
    public struct Correction: Sendable, Equatable {
        public let typed: String
        public let corrected: String
    }

    /// A glossary rule the query triggered.
    public struct Expansion: Sendable, Equatable {
        public let trigger: String
        public let expansion: String
        public let line: Int
        public let isSynonym: Bool
        /// The trigger as matched (phrase terms), and the expansion's analysed terms.
        let triggerTerms: [String]
        let expanded: [AnalyzedTerm]
        var expansionTerms: [String] { expanded.map(\.term) }
    }

    /// One term sent to the index, with its weight in the query and where it came from.
    public struct WeightedTerm: Sendable, Equatable {
        public let term: String
        public let weight: Double
        /// True when the glossary added it rather than the learner typing it.
        public let isExpansion: Bool
        /// True when the conversation added it: a word of the question a follow-up follows.
        public var isFromContext = false
    }

    public let text: String
    /// The query as searched after spelling correction, or nil when nothing was corrected.
    public let correctedText: String?
    public let corrections: [Correction]
    public let expansions: [Expansion]
    public let terms: [WeightedTerm]
    /// One thing the query says, and how much it tells, for judging how much of the query an
    /// entry covers: a typed word, or a glossary rule standing for the words that triggered it.
    public struct Information: Sendable, Equatable {
        /// An entry speaks to this piece when it contains any of these terms.
        public let terms: Set<String>
        /// The idf of the words (the largest possible for a word no entry uses), damped for
        /// everyday English words.
        public let mass: Double
        public let isKnown: Bool
    }

    public let information: [Information]
    /// Typed words the glossary lists as topics the corpus does not teach (and no entry uses).
    public let foreignTopics: [String]
    /// Technologies the query names that the corpus never mentions (`TechnologyNames`).
    public let foreignTechnologies: [String]
    /// Words the query names that no entry uses and everyday English does not know either (a
    /// command, a product, a term of art): a sign it asks for something the corpus does not say.
    public var unknownNames: [String] = []

    /// The share of the query's information the corpus knows at all (words a glossary rule
    /// understood are left out; a query understood only through the glossary counts as known).
    public var corpusCoverage: Double {
        let total = information.reduce(0) { $0 + $1.mass }
        guard total > 0 else { return expansions.isEmpty ? 0 : 1 }
        return information.filter(\.isKnown).reduce(0) { $0 + $1.mass } / total
    }

    /// The query read as a follow-up of `context`: its own terms, then the context's at `weight`
    /// (a word both use keeps the larger weight). What the query itself says — its information,
    /// its foreign names — stays its own: the context helps rank, it does not answer for the query.
    func following(_ context: QueryAnalysis, weight: Double) -> QueryAnalysis {
        var terms = self.terms
        for term in context.terms {
            let added = WeightedTerm(term: term.term, weight: term.weight * weight, isExpansion: term.isExpansion, isFromContext: true)
            if let own = terms.firstIndex(where: { $0.term == term.term }) {
                if terms[own].weight < added.weight { terms[own] = added }
            } else {
                terms.append(added)
            }
        }
        var analysis = QueryAnalysis(
            text: text, correctedText: correctedText, corrections: corrections, expansions: expansions, terms: terms,
            information: information, foreignTopics: foreignTopics, foreignTechnologies: foreignTechnologies)
        analysis.unknownNames = unknownNames
        return analysis
    }
}
