extension Searcher {
    /// Reads a line in a conversation: on its own, and with the context's question before it.
    ///
    /// A line the corpus answers confidently on its own and that does not lean on the context
    /// (`FollowUpCue`) is a new topic, never bent towards the old one. Otherwise the reading with
    /// the context is taken when it is confident, its ranking with the line's own added at half
    /// weight: "and an app?" after a question on creating a project wants the entry the context
    /// makes likely that speaks of apps, not the project entry again. A line that neither reading
    /// answers confidently stays "no good match".
    public func search(_ line: String, after context: ConversationContext?, limit: Int = 3) -> FollowUpReading {
        guard let context else { return .alone(search(line, limit: limit)) }
        // Both readings encoded at once, on all cores: a follow-up costs little more than a question.
        let readings = prepared([line, context.query + "\n" + line])
        let alone = search(readings[0], limit: max(limit, FollowUpCue.candidates))
        let onItsOwn = FollowUpReading(result: alone.withHits(Array(alone.hits.prefix(limit))), followUpOf: nil, contextQuery: nil)
        let leans = FollowUpCue.leansOnContext(line)
        if alone.confident && !leans { return onItsOwn }
        let withContext = search(readings[1], limit: max(limit, FollowUpCue.candidates))
        guard withContext.confident else {
            return alone.confident || !leans
                ? onItsOwn
                : FollowUpReading(result: withContext.withHits(Array(withContext.hits.prefix(limit)), typed: line), followUpOf: nil, contextQuery: nil)
        }
        // The context's ranking, with the line's own ranking added: the entry the line asks
        // about, among those the context makes likely.
        let own = Dictionary(alone.hits.map { ($0.entry.id, $0.score) }, uniquingKeysWith: max)
        let weight = FollowUpCue.ownWeight
        let hits = withContext.hits.enumerated().sorted { first, second in
            let a = first.element.score + weight * (own[first.element.entry.id] ?? 0)
            let b = second.element.score + weight * (own[second.element.entry.id] ?? 0)
            return a != b ? a > b : first.offset < second.offset
        }.map(\.element)
        return FollowUpReading(result: withContext.withHits(Array(hits.prefix(limit)), typed: line), followUpOf: context.focus, contextQuery: context.query)
    }
}

extension SearchResult {
    /// The same result with its hits in another order, and the question as the learner typed it
    /// when it was searched with its context (the analysis keeps what was searched).
    func withHits(_ hits: [SearchHit], typed: String? = nil) -> SearchResult {
        SearchResult(
            query: typed ?? query, queryWasCut: queryWasCut, correctedQuery: correctedQuery, hits: hits, confident: confident, bestScore: bestScore,
            coverage: coverage, bestMatch: bestMatch, uncoveredEvidence: uncoveredEvidence, uncoveredQuestion: uncoveredQuestion,
            analysis: analysis)
    }
}
