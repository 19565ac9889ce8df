/// Decides whether the best hit answers the query or is merely the nearest thing in the corpus.
///
/// Lexical signals: the best hit's score, normalised to 0...1, and whether the query names a topic
/// the corpus does not teach (the glossary's "Not covered" words, e.g. "celery"), which vetoes
/// confidence unless the best entry covers nearly all of the query's information; and whether it
/// names a technology the corpus never mentions ("reactjs", "spring boot"), which vetoes it too
/// unless an entry is also close in meaning (a Debian question may name nginx as the package it
/// is about; a Django one may say it used pip to install Django). With embeddings, any name no
/// entry uses and everyday English does not know ("initramfs", "NO_PUBKEY", "unattended-upgrades")
/// counts like a foreign technology: a question on an entry's topic that asks for something the
/// corpus never names is a near miss, not an answer. Bag-of-words
/// scores alone cannot tell "how do I file my tax return" from a question about static files, so
/// when sentence embeddings are on, the semantic signal has a say too: a question no entry comes
/// close to in meaning is not covered whatever words it shares, and one that an entry matches
/// closely in meaning is covered even in words the corpus never uses — unless a question the
/// corpus lists as one it does not answer comes closer still. Thresholds are chosen on the
/// dev split (docs/retrieval-quality.md).
public struct MatchConfidence: Sendable, Equatable {
    public var minimumScore: Double
    /// The coverage a query naming a foreign topic needs to be answered confidently anyway.
    public var foreignTopicCoverage: Double
    /// The least cosine similarity for a lexically confident answer to stand.
    public var minimumSimilarity: Double
    /// A cosine similarity at which the meaning alone makes the answer confident.
    public var sufficientSimilarity: Double
    /// How much closer a question the corpus does not answer (`Phrasings.uncovered`) may come
    /// than the corpus before the query counts as that question; both are evidence, in which a
    /// question-like passage counts the phrasing discount less (`SearchResult.uncoveredEvidence`).
    public var uncoveredMargin: Double

    /// The thresholds chosen on the dev split for lexical search alone, or with embeddings.
    public init(semantic: Bool) {
        self =
            semantic
            ? MatchConfidence(
                minimumScore: 0.17, foreignTopicCoverage: 0.8, minimumSimilarity: 0.35, sufficientSimilarity: 0.5, uncoveredMargin: 0)
            : MatchConfidence(minimumScore: 0.14, foreignTopicCoverage: 0.8)
    }

    public init(
        minimumScore: Double, foreignTopicCoverage: Double, minimumSimilarity: Double = 0, sufficientSimilarity: Double = 1,
        uncoveredMargin: Double = .infinity
    ) {
        self.minimumScore = minimumScore
        self.foreignTopicCoverage = foreignTopicCoverage
        self.minimumSimilarity = minimumSimilarity
        self.sufficientSimilarity = sufficientSimilarity
        self.uncoveredMargin = uncoveredMargin
    }

    /// `similarity` is how close in meaning the corpus comes (`SearchResult.bestSimilarity`), or
    /// nil when the semantic signal is off; `uncoveredSimilarity` how close the closest question
    /// it does not answer comes (`SearchResult.uncoveredEvidence`), which vetoes confidence when
    /// it comes closer by more than `uncoveredMargin`; `unknownNames` how many names the query uses
    /// that no entry does and everyday English does not know (`QueryAnalysis.unknownNames`).
    public func isConfident(
        bestScore: Double, coverage: Double, foreignTopics: Int, foreignTechnologies: Int = 0, similarity: Double? = nil,
        uncoveredSimilarity: Double? = nil, unknownNames: Int = 0
    ) -> Bool {
        // Without embeddings an unknown name is only a word the index lacks; coverage weighs it.
        let namesSomethingForeign = foreignTechnologies > 0 || (unknownNames > 0 && similarity != nil)
        let namesForeignTechnology = namesSomethingForeign && (similarity ?? 0) < sufficientSimilarity
        let foreignVeto = (foreignTopics > 0 || namesForeignTechnology) && coverage < foreignTopicCoverage
        let lexical = bestScore >= minimumScore && !foreignVeto
        guard let similarity else { return lexical }
        guard !isUncovered(similarity: similarity, uncoveredSimilarity: uncoveredSimilarity) else { return false }
        return !foreignVeto && ((lexical && similarity >= minimumSimilarity) || similarity >= sufficientSimilarity)
    }

    /// The query is a question the corpus lists as one it does not answer, more than anything
    /// the corpus says.
    public func isUncovered(similarity: Double, uncoveredSimilarity: Double?) -> Bool {
        uncoveredSimilarity.map { $0 - similarity > uncoveredMargin } ?? false
    }
}
