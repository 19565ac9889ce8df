/// Answers free-text questions over one corpus: analysis → spelling correction → TF-IDF over an
/// inverted index → ranked hits with a confidence verdict.
///
/// Built once per corpus (indexing is the expensive part) and then immutable, so it can be shared.
public struct Searcher: Sendable {
    public let corpus: Corpus
    let analyzer: Analyzer
    let fields: EntryFields
    let index: InvertedIndex
    let scorer: TFIDFScorer
    let corrector: SpellingCorrector
    let confidence: MatchConfidence
    /// For each term, the spelling the corpus uses most often (`queri` → `queries`, `q` → `Q`).
    let surfaces: [String: String]

    public init(corpus: Corpus, fields: EntryFields = .standard) {
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
        self.analyzer = analyzer
        self.fields = fields
        self.index = index
        self.scorer = TFIDFScorer(index: index)
        self.corrector = SpellingCorrector(frequencies: wordCounts)
        self.confidence = MatchConfidence()
        self.surfaces = surfaceCounts.mapValues { counts in
            counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }!.key
        }
    }

    public func search(_ query: String, limit: Int = 5) -> SearchResult {
        let corrected = correctSpelling(query)
        let terms = fields.repeated(analyzer.analyze(corrected ?? query))
        let (vector, coverage) = queryVector(terms)
        let scores = scorer.scores(for: vector, in: index)
        let ranked = scores.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        let hits = ranked.prefix(max(limit, 0)).map { SearchHit(entry: corpus.entries[Int($0.key)], score: $0.value) }
        let best = ranked.first?.value ?? 0
        return SearchResult(
            query: query, correctedQuery: corrected, hits: hits,
            confident: confidence.isConfident(bestScore: best, coverage: coverage))
    }

    /// The query's known terms with their counts, and the share of its idf mass the index knows.
    func queryVector(_ terms: [String]) -> ([TermFrequency], coverage: Double) {
        var counts: [Int32: Double] = [:]
        var order: [Int32] = []
        var knownMass = 0.0
        var totalMass = 0.0
        let unseen = scorer.unseenTermIDF(documentCount: index.documentCount)
        for term in terms {
            if let id = index.termID(term) {
                if counts[id] == nil { order.append(id) }
                counts[id, default: 0] += 1
                knownMass += scorer.idf[Int(id)]
                totalMass += scorer.idf[Int(id)]
            } else {
                totalMass += unseen
            }
        }
        let vector = order.map { TermFrequency(term: $0, frequency: counts[$0]!) }
        return (vector, totalMass > 0 ? knownMass / totalMass : 0)
    }

    /// The query with each unknown word replaced by its correction, or nil when nothing changed.
    func correctSpelling(_ query: String) -> String? {
        var result = ""
        var changed = false
        var cursor = query.startIndex
        for token in Tokenizer().tokens(in: query) where token.kind != .part {
            let lowered = token.text.lowercased()
            guard !StopWords.english.contains(lowered), index.termID(analyzer.terms(String(token.text)).first ?? "") == nil,
                let correction = corrector.correction(for: lowered)
            else { continue }
            result += query[cursor..<token.text.startIndex]
            result += correction
            cursor = token.text.endIndex
            changed = true
        }
        guard changed else { return nil }
        result += query[cursor...]
        return result
    }
}
