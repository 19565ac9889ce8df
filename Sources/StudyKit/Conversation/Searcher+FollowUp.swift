extension Searcher {
    /// Reads a line in a conversation: on its own, and as a follow-up of the context.
    ///
    /// A line the corpus answers confidently on its own and that does not lean on the context
    /// (`FollowUpCue`) is a new topic, never bent towards the old one. Otherwise the line is read
    /// with the context behind it: the earlier question's words at a lower weight, and its meaning
    /// mixed into the line's. That reading is taken when it is confident and the line itself has
    /// a say in the entry it finds (`lineSpeaks`): "and an app?" after a question on
    /// creating a project wants the entry the context makes likely that speaks of apps, while
    /// "what's the weather in Paris?" is about nothing the conversation was, however confidently
    /// the context alone would be answered. A line that neither reading answers stays "no good match".
    public func search(_ line: String, after context: ConversationContext?, limit: Int = 3) -> FollowUpReading {
        let own = prepared([line])[0]
        let alone = search(own, limit: max(limit, FollowUpCue.candidates))
        let onItsOwn = FollowUpReading(
            result: alone.withHits(Array(alone.hits.prefix(limit))), followUpOf: nil, contextQuery: nil, meaning: own.encoding?.sentence)
        guard let context else { return onItsOwn }
        let leans = FollowUpCue.leansOnContext(line)
        if alone.confident && !leans { return onItsOwn }
        let followUp = own.following(analyzeQuery(context.query), meaning: context.meaning ?? questionMeaning(of: context.focus))
        let withContext = search(followUp, limit: max(limit, FollowUpCue.candidates))
        // The context's ranking, with the line's own ranking added: the entry the line asks
        // about, among those the context makes likely.
        let ownScores = Dictionary(alone.hits.map { ($0.entry.id, $0.score) }, uniquingKeysWith: max)
        let weight = FollowUpCue.ownWeight
        let hits = withContext.hits.enumerated().sorted { first, second in
            let a = first.element.score + weight * (ownScores[first.element.entry.id] ?? 0)
            let b = second.element.score + weight * (ownScores[second.element.entry.id] ?? 0)
            return a != b ? a > b : first.offset < second.offset
        }.map(\.element)
        let rescued =
            withContext.confident && hits.first.map { lineSpeaks(own, to: $0, alone: alone, leaningOn: leans ? context.focus : nil) } == true
        guard rescued else {
            return alone.confident || !leans
                ? onItsOwn
                : FollowUpReading(
                    result: withContext.withHits(Array(hits.prefix(limit)), typed: line, confident: false), followUpOf: nil, contextQuery: nil,
                    meaning: own.encoding?.sentence)
        }
        return FollowUpReading(
            result: withContext.withHits(Array(hits.prefix(limit)), typed: line), followUpOf: context.focus, contextQuery: context.query,
            meaning: followUp.encoding?.sentence)
    }

    /// Whether the line itself says something the entry answers: its own words are in it, or its
    /// own meaning comes close to it. A line leaning on the entry in focus (`focus`) may stay on
    /// it, or say nothing of its own ("why is that?") and let the context speak for it.
    private func lineSpeaks(_ own: PreparedQuery, to hit: SearchHit, alone: SearchResult, leaningOn focus: Int?) -> Bool {
        let information = own.analysis.information.reduce(0) { $0 + $1.mass }
        if let focus, hit.entry.id == focus || information < FollowUpCue.minimumOwnInformation { return true }
        if let document = corpus.position(ofEntry: hit.entry.id), coverage(of: own.analysis, byDocument: document) >= FollowUpCue.minimumOwnCoverage {
            return true
        }
        let similarity = alone.hits.first { $0.entry.id == hit.entry.id }?.semanticSimilarity ?? -1
        return similarity >= FollowUpCue.minimumOwnSimilarity
    }
}

extension Searcher {
    /// The meaning of an entry's own question: the context's meaning when the entry came into
    /// focus by a move or its number rather than by a search.
    func questionMeaning(of entryID: Int) -> [Float]? {
        guard let vectors = semantic?.vectors, let position = corpus.position(ofEntry: entryID) else { return nil }
        let passage = vectors.owners.indices.first { Int(vectors.owners[$0]) == position && vectors.kinds[$0] == .question }
        return passage.map { Array(vectors.vector(passage: $0)) }
    }
}

extension Searcher.PreparedQuery {
    /// The query read after a context: the context's words behind its own (`QueryAnalysis.following`),
    /// and the context's meaning mixed into its own; its word pieces stay its own.
    func following(_ context: QueryAnalysis, meaning: [Float]?) -> Searcher.PreparedQuery {
        var followUp = self
        followUp.analysis = analysis.following(context, weight: FollowUpCue.contextWeight)
        if let encoding, let meaning, meaning.count == encoding.sentence.count {
            let mixed = zip(encoding.sentence, meaning).map { $0 + FollowUpCue.contextMeaningWeight * $1 }
            let norm = mixed.reduce(0) { $0 + $1 * $1 }.squareRoot()
            followUp.encoding = TextEncoding(
                sentence: norm > 0 ? mixed.map { $0 / norm } : mixed, pieceIDs: encoding.pieceIDs, pieceVectors: encoding.pieceVectors)
        }
        return followUp
    }
}

extension SearchResult {
    /// The same result with its hits in another order, and the question as the learner typed it
    /// when it was searched with its context (the analysis keeps what was searched).
    func withHits(_ hits: [SearchHit], typed: String? = nil, confident: Bool? = nil) -> SearchResult {
        SearchResult(
            query: typed ?? query, queryWasCut: queryWasCut, correctedQuery: correctedQuery, hits: hits, confident: confident ?? self.confident,
            bestScore: bestScore, coverage: coverage, bestMatch: bestMatch, uncoveredEvidence: uncoveredEvidence,
            uncoveredQuestion: uncoveredQuestion, analysis: analysis)
    }
}
