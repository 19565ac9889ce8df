/// Answers free-text questions over one corpus: spelling correction and glossary expansion →
/// analysis → a scorer walking an inverted index → ranked hits with a confidence verdict.
///
/// Built once per corpus (indexing is the expensive part) and then immutable, so it can be shared.
public struct Searcher: Sendable {
    public let corpus: Corpus
    public let glossary: Glossary
    public let scoring: Scoring
    let analyzer: Analyzer
    let fields: EntryFields
    /// What searching by words was built from (the corpus's analysis), kept whole so that a
    /// searcher with another signal can be made without building or reading it again.
    public let lexicalIndex: LexicalIndex
    var index: InvertedIndex { lexicalIndex.index }
    /// TF-IDF serves key terms, related entries and grading whatever ranks the search.
    let scorer: TFIDFScorer
    let ranking: any Scorer
    let corrector: SpellingCorrector
    /// Words the spelling corrector leaves alone: the glossary knows them (`DRF`, `celery`).
    let glossaryWords: Set<String>
    /// The corpus's terms, to tell which technologies a query names that the corpus never mentions.
    var vocabulary: SortedVocabulary { SortedVocabulary(sorted: lexicalIndex.sortedTerms) }
    public let confidence: MatchConfidence
    /// Sentence embeddings of the entries, when the semantic signal is on.
    public let semantic: SemanticIndex?
    /// The corpus's phrasings, whose vectors `semantic` holds: quoted when a hit is found through one.
    public let phrasings: Phrasings
    public let fusion: Fusion
    let queryWeighting: QueryWeighting
    /// For each term, the spelling the corpus uses most often (`queri` → `queries`, `q` → `Q`).
    var surfaces: [String: String] { lexicalIndex.surfaces }
    /// The words the domain names, in their inflected forms' bases (`domainWords(of:analyzedTexts:codeWords:glossary:analyzer:)`).
    var domainWords: Set<String> { lexicalIndex.domainWords }

    /// - Parameter lexicalIndex: the corpus's lexical index when it was read from a cache or
    ///   another searcher's (built with these `fields` and this glossary); nil builds it.
    public init(
        corpus: Corpus, glossary: Glossary = .empty, scoring: Scoring = .bm25, fields: EntryFields = .standard,
        confidence: MatchConfidence? = nil, queryWeighting: QueryWeighting = .englishPrior,
        semantic: SemanticIndex? = nil, phrasings: Phrasings = .empty, fusion: Fusion = .standard, lexicalIndex: LexicalIndex? = nil
    ) {
        precondition(semantic.map { $0.vectors.entryCount == corpus.entries.count } ?? true, "entry vectors of another corpus")
        let lexical = lexicalIndex ?? LexicalIndex(corpus: corpus, glossary: glossary, fields: fields)
        precondition(lexical.documentCount == corpus.entries.count, "a lexical index of another corpus")
        let index = lexical.index
        self.lexicalIndex = lexical
        self.corpus = corpus
        self.glossary = glossary
        self.scoring = scoring
        self.analyzer = Analyzer()
        self.fields = fields
        self.scorer = TFIDFScorer(index: index)
        switch scoring {
        case .tfidf: self.ranking = scorer
        case .bm25(let k1, let b): self.ranking = BM25Scorer(index: index, k1: k1, b: b)
        }
        self.corrector = SpellingCorrector(frequencies: lexical.wordCounts)
        self.glossaryWords = glossary.triggerVocabulary.union(glossary.uncoveredTerms)
        self.confidence = confidence ?? MatchConfidence(semantic: semantic != nil)
        self.queryWeighting = queryWeighting
        self.semantic = semantic
        self.phrasings = phrasings
        self.fusion = fusion
    }

    /// The text the encoder reads: the corrected query, and what the glossary says its jargon
    /// stands for ("DRF" means nothing to a general-purpose encoder; "Django REST Framework" does).
    public func semanticQuery(_ analysis: QueryAnalysis) -> String {
        let text = analysis.correctedText ?? analysis.text
        guard !analysis.expansions.isEmpty else { return text }
        return text + " (" + analysis.expansions.map(\.expansion).joined(separator: "; ") + ")"
    }

    /// The learner's phrasing through which `match` found `entry`, when it did and the phrasings are known.
    private func phrasing(of entry: Entry, _ match: SemanticMatch) -> String? {
        guard match.isThroughPhrasing, let index = match.closestPhrasing else { return nil }
        let own = phrasings.of(entry: entry.id)
        return own.indices.contains(index) ? own[index] : nil
    }

    /// The most of a query that is searched: a question, however wordy, fits in it; a pasted
    /// essay or log is cut rather than analysed (and echoed back) whole.
    public static let queryLimit = CharacterLimit(1_000)

    public func search(_ query: String, limit: Int = 5) -> SearchResult {
        search(prepared(query), limit: limit)
    }

    /// Several queries at once, their meaning read in one pass of the encoder: many short texts
    /// run through the model many times faster together than one by one.
    public func search(_ queries: [String], limit: Int = 5) -> [SearchResult] {
        let prepared = prepared(queries)
        guard let semantic else { return prepared.map { search($0, limit: limit) } }
        let meanings = semantic.matches(to: prepared.map { $0.encoding ?? semantic.embedder.encode($0.meaningText) })
        return zip(prepared, meanings).map { search($0, limit: limit, meaning: $1) }
    }

    /// A query cut to `queryLimit` and analysed, and what the encoder reads of it.
    struct PreparedQuery {
        let text: String
        let wasCut: Bool
        var analysis: QueryAnalysis
        /// The corrected text with the glossary's meaning: a misspelt word is an unknown word to the encoder too.
        let meaningText: String
        /// Its encoding, when computed ahead (several queries are encoded together, on all cores).
        var encoding: TextEncoding?
    }

    func prepared(_ query: String) -> PreparedQuery {
        let (query, queryWasCut) = Self.queryLimit.cut(query)
        let analysis = analyzeQuery(query)
        return PreparedQuery(text: query, wasCut: queryWasCut, analysis: analysis, meaningText: semanticQuery(analysis))
    }

    /// Several queries prepared, their encodings computed together.
    func prepared(_ queries: [String]) -> [PreparedQuery] {
        var prepared = queries.map(prepared)
        if let semantic {
            for (index, encoding) in semantic.embedder.encode(prepared.map(\.meaningText)).enumerated() { prepared[index].encoding = encoding }
        }
        return prepared
    }

    /// - Parameter meaning: the query's matches by meaning, when computed ahead with others'.
    func search(_ prepared: PreparedQuery, limit: Int, meaning: SemanticIndex.Matches? = nil) -> SearchResult {
        let (query, queryWasCut, analysis) = (prepared.text, prepared.wasCut, prepared.analysis)
        let vector = vector(of: analysis)
        let (lexical, best) = lexicalScores(for: vector)
        let meaning: SemanticIndex.Matches? =
            meaning
            ?? semantic.map { semantic in
                prepared.encoding.map(semantic.matches(to:)) ?? semantic.matches(to: prepared.meaningText)
            }
        let matches = meaning?.entries
        let similarities = matches?.map(\.closeness)
        let scores: [Double]
        let ranked: [Int32]
        if let similarities {
            let normalized = lexical.mapScores { ranking.normalized($0, for: vector) }
            scores = fusion.combine(lexical: normalized, semantic: similarities, pieces: meaning?.pieceScores)
            // An entry that shares no word with the query and is not close in meaning is no hit at all.
            let candidates = scores.indices.lazy.map(Int32.init).filter {
                lexical[$0] != nil || similarities[Int($0)] >= self.confidence.minimumSimilarity
            }
            ranked = candidates.top(max(limit, 1), by: scores)
        } else {
            scores = lexical.values
            ranked = lexical.matched.top(max(limit, 1), by: scores)
        }
        let hits = ranked.prefix(max(limit, 0)).map { document in
            let entry = corpus.entries[Int(document)]
            let match = matches?[Int(document)]
            return SearchHit(
                entry: entry, score: scores[Int(document)], lexicalScore: lexical[document] ?? 0,
                semanticSimilarity: similarities?[Int(document)], isThroughPhrasing: match?.isThroughPhrasing ?? false,
                phrasing: match.flatMap { phrasing(of: entry, $0) }, pieceScore: meaning?.pieceScores?[Int(document)])
        }
        let coverage = ranked.first.map { self.coverage(of: analysis, byDocument: Int($0)) } ?? 0
        let bestMatch = matches?.max { $0.evidence < $1.evidence }
        return SearchResult(
            query: query, queryWasCut: queryWasCut, correctedQuery: analysis.correctedText, hits: hits,
            confident: confidence.isConfident(
                bestScore: best, coverage: coverage, foreignTopics: analysis.foreignTopics.count,
                foreignTechnologies: analysis.foreignTechnologies.count, similarity: bestMatch?.evidence,
                uncoveredSimilarity: meaning?.uncoveredEvidence, unknownNames: analysis.unknownNames.count),
            bestScore: best, coverage: coverage, bestMatch: bestMatch, uncoveredEvidence: meaning?.uncoveredEvidence,
            uncoveredQuestion: meaning?.closestUncovered.flatMap { phrasings.uncovered.indices.contains($0) ? phrasings.uncovered[$0] : nil },
            analysis: analysis)
    }
}
