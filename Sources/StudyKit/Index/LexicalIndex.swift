import Foundation

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
    /// The words the domain names (`Searcher.domainWords(of:analyzedTexts:codeWords:glossary:analyzer:)`).
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
        var codeWords: [String] = []
        for batch in Self.analyzedInParallel(corpus.entries, fields: fields, analyzer: analyzer) {
            for entry in batch {
                let analyzedFields = entry.fields
                codeWords += entry.codeWords
                analyzedTexts += analyzedFields.filter { $0.field != .tags }.map(\.terms)
                builder.add(analyzedFields.map { (fields.repeated($0.terms), Double($0.weight)) })
                for analyzed in analyzedFields.lazy.flatMap(\.terms) {
                    wordCounts[analyzed.surface.lowercased(), default: 0] += 1
                    surfaceCounts[analyzed.term, default: [:]][analyzed.surface, default: 0] += 1
                }
            }
        }
        let index = builder.build()
        self.init(
            index: index, wordCounts: wordCounts,
            surfaces: surfaceCounts.mapValues { counts in
                counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }!.key
            },
            domainWords: Searcher.domainWords(
                of: corpus, analyzedTexts: analyzedTexts, codeWords: codeWords, glossary: glossary, analyzer: analyzer),
            sortedTerms: index.terms.sorted())
    }

    /// Entries analysed this many at a time: the analysis of a batch is held until it is indexed.
    static let batchSize = 1_024
    /// Fewer entries are analysed on one core: sharing them out would cost more than it saves.
    static let fewestEntriesToShare = 128

    /// What indexing needs of one entry: its analysed fields, and the words its answer writes as code.
    fileprivate struct AnalyzedEntry: Sendable {
        let fields: [(field: EntryFields.Field, terms: [AnalyzedTerm], weight: Int)]
        let codeWords: [String]
    }

    /// The entries analysed, in order, batch by batch, each batch's entries shared among the
    /// cores (each share with its own memo): analysis is most of building an index, and entries
    /// are independent.
    private static func analyzedInParallel(_ entries: [Entry], fields: EntryFields, analyzer: Analyzer) -> some Sequence<[AnalyzedEntry]> {
        let shares = entries.count >= fewestEntriesToShare ? max(ProcessInfo.processInfo.activeProcessorCount, 1) : 1
        return stride(from: 0, to: entries.count, by: batchSize).lazy.map { start in
            let batch = entries[start..<min(start + batchSize, entries.count)]
            let results = AnalysisSlots(count: shares)
            DispatchQueue.concurrentPerform(iterations: shares) { share in
                let part = batch[(start + batch.count * share / shares)..<(start + batch.count * (share + 1) / shares)]
                var memo = Analyzer.Memo()
                results.store(
                    part.map { entry in
                        AnalyzedEntry(
                            fields: fields.analyzedFields(of: entry, analyzer: analyzer, memo: &memo),
                            codeWords: Searcher.codeWords(inAnswerOf: entry, analyzer: analyzer))
                    }, at: share)
            }
            return results.values.flatMap { $0 }
        }
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

/// Where the shares of a batch put their analyses, each written once.
private final class AnalysisSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [[LexicalIndex.AnalyzedEntry]]

    init(count: Int) { slots = Array(repeating: [], count: count) }

    func store(_ value: [LexicalIndex.AnalyzedEntry], at index: Int) {
        lock.withLock { slots[index] = value }
    }

    var values: [[LexicalIndex.AnalyzedEntry]] { lock.withLock { slots } }
}
