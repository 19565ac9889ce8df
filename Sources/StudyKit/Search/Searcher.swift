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
    let index: InvertedIndex
    /// TF-IDF serves key terms, related entries and grading whatever ranks the search.
    let scorer: TFIDFScorer
    let ranking: any Scorer
    let corrector: SpellingCorrector
    /// Words the spelling corrector leaves alone: the glossary knows them (`DRF`, `celery`).
    let glossaryWords: Set<String>
    public let confidence: MatchConfidence
    let queryWeighting: QueryWeighting
    /// For each term, the spelling the corpus uses most often (`queri` → `queries`, `q` → `Q`).
    let surfaces: [String: String]

    public init(
        corpus: Corpus, glossary: Glossary = .empty, scoring: Scoring = .tfidf, fields: EntryFields = .standard,
        confidence: MatchConfidence = MatchConfidence(), queryWeighting: QueryWeighting = .englishPrior
    ) {
        let analyzer = Analyzer()
        var builder = IndexBuilder()
        var wordCounts: [String: Int] = [:]
        var surfaceCounts: [String: [String: Int]] = [:]
        for entry in corpus.entries {
            let analyzedFields = fields.analyzedFields(of: entry, analyzer: analyzer)
            builder.add(analyzedFields.map { (fields.repeated($0.terms), Double($0.weight)) })
            for analyzed in analyzedFields.lazy.flatMap(\.terms) {
                wordCounts[analyzed.surface.lowercased(), default: 0] += 1
                surfaceCounts[analyzed.term, default: [:]][analyzed.surface, default: 0] += 1
            }
        }
        let index = builder.build()
        self.corpus = corpus
        self.glossary = glossary
        self.scoring = scoring
        self.analyzer = analyzer
        self.fields = fields
        self.index = index
        self.scorer = TFIDFScorer(index: index)
        switch scoring {
        case .tfidf: self.ranking = scorer
        case .bm25(let k1, let b): self.ranking = BM25Scorer(index: index, k1: k1, b: b)
        }
        self.corrector = SpellingCorrector(frequencies: wordCounts)
        self.glossaryWords = glossary.triggerVocabulary.union(glossary.uncoveredTerms)
        self.confidence = confidence
        self.queryWeighting = queryWeighting
        self.surfaces = surfaceCounts.mapValues { counts in
            counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }!.key
        }
    }

    public func search(_ query: String, limit: Int = 5) -> SearchResult {
        let analysis = analyzeQuery(query)
        let vector = vector(of: analysis)
        let scores = ranking.scores(for: vector, in: index)
        let ranked = scores.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        let hits = ranked.prefix(max(limit, 0)).map { SearchHit(entry: corpus.entries[Int($0.key)], score: $0.value) }
        let best = ranking.normalized(ranked.first?.value ?? 0, for: vector)
        let coverage = ranked.first.map { self.coverage(of: analysis, byDocument: Int($0.key)) } ?? 0
        return SearchResult(
            query: query, correctedQuery: analysis.correctedText, hits: hits,
            confident: confidence.isConfident(bestScore: best, coverage: coverage, foreignTopics: analysis.foreignTopics.count),
            bestScore: best,
            coverage: coverage, analysis: analysis)
    }
}
