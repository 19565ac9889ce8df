/// Everything searching a corpus by words is built from: the inverted index, the words spelling
/// correction chooses among, each term's usual spelling, the words the domain names, and the
/// terms in order. Building it means analysing every entry, the costly part of opening a corpus,
/// so it can be cached (`LexicalIndexCache`) and read back instead.
public struct LexicalIndex: Sendable, Equatable {
    let index: InvertedIndex
    /// Lower-cased words of the entries (plain words and whole identifiers) with their counts.
    let wordCounts: [String: Int]
    /// For each term, the spelling the corpus uses most often (`queri` → `queries`, `q` → `Q`).
    let surfaces: [String: String]
    /// The words the domain names (`Searcher.domainWords(of:analyzedTexts:glossary:analyzer:)`).
    let domainWords: Set<String>
    /// The index's terms in order, for prefix lookups (`SortedVocabulary`).
    let sortedTerms: [String]

    /// Analyses every entry of `corpus`; the glossary names domain words too.
    public init(corpus: Corpus, glossary: Glossary, fields: EntryFields = .standard) {
        let analyzer = Analyzer()
        var builder = IndexBuilder()
        var wordCounts: [String: Int] = [:]
        var surfaceCounts: [String: [String: Int]] = [:]
        var analyzedTexts: [[AnalyzedTerm]] = []
        var memo = Analyzer.Memo()
        for entry in corpus.entries {
            let analyzedFields = fields.analyzedFields(of: entry, analyzer: analyzer, memo: &memo)
            analyzedTexts += analyzedFields.filter { $0.field != .tags }.map(\.terms)
            builder.add(analyzedFields.map { (fields.repeated($0.terms), Double($0.weight)) })
            for analyzed in analyzedFields.lazy.flatMap(\.terms) {
                wordCounts[analyzed.surface.lowercased(), default: 0] += 1
                surfaceCounts[analyzed.term, default: [:]][analyzed.surface, default: 0] += 1
            }
        }
        let index = builder.build()
        self.init(
            index: index, wordCounts: wordCounts,
            surfaces: surfaceCounts.mapValues { counts in
                counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }!.key
            },
            domainWords: Searcher.domainWords(of: corpus, analyzedTexts: analyzedTexts, glossary: glossary, analyzer: analyzer),
            sortedTerms: index.terms.sorted())
    }

    init(index: InvertedIndex, wordCounts: [String: Int], surfaces: [String: String], domainWords: Set<String>, sortedTerms: [String]) {
        self.index = index
        self.wordCounts = wordCounts
        self.surfaces = surfaces
        self.domainWords = domainWords
        self.sortedTerms = sortedTerms
    }

    public var documentCount: Int { index.documentCount }
}
