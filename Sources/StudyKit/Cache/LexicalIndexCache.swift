import Foundation
import SentenceEmbedding

/// Corpora's lexical indexes (`LexicalIndex`), built once and kept as files named by a
/// fingerprint of everything they depend on: the entries' text, the glossary (its words name the
/// domain's) and the analysis. The header says the same (`CacheFileHeader`), with a checksum over
/// the rest; a file that fails any check is refused and the index built again.
public struct LexicalIndexCache: Sendable {
    public let directory: URL

    /// The files kept: a few corpora, or a few versions of one being edited.
    public static let keptFiles = 8

    public init(directory: URL) {
        self.directory = directory
    }

    var files: CacheDirectory {
        CacheDirectory(directory: directory, fileExtension: "index", contents: "the index", instead: "is built again", keptFiles: Self.keptFiles)
    }

    public typealias Lookup = CacheLookup<LexicalIndex>

    public func lookup(for corpus: Corpus, glossary: Glossary, fields: EntryFields = .standard) -> Lookup {
        lookup(Key(corpus: corpus, glossary: glossary, fields: fields), for: corpus)
    }

    /// The key hashes the whole corpus: made once for a lookup and the store after it.
    private func lookup(_ key: Key, for corpus: Corpus) -> Lookup {
        switch files.read(named: key.name, header: key.header) {
        case .miss: return .miss
        case .refused(let reason): return .refused(reason)
        case .found(let contents):
            do throws(CacheFileRefusal) {
                return .hit(try Self.index(contents, for: corpus))
            } catch {
                return .refused(files.refusal(error, of: files.url(named: key.name).path))
            }
        }
    }

    /// Stores `index`, then removes temporaries left by killed writes and the files used least
    /// recently past `keptFiles`.
    public func store(_ index: LexicalIndex, for corpus: Corpus, glossary: Glossary, fields: EntryFields = .standard) throws(CacheWriteFailure) {
        try store(index, key: Key(corpus: corpus, glossary: glossary, fields: fields))
    }

    private func store(_ index: LexicalIndex, key: Key) throws(CacheWriteFailure) {
        try files.write(key.header.file(with: index.data), named: key.name)
    }

    /// A whole cache file for `index`, as `store` writes it.
    public static func file(with index: LexicalIndex, for corpus: Corpus, glossary: Glossary, fields: EntryFields = .standard) -> Data {
        Key(corpus: corpus, glossary: glossary, fields: fields).header.file(with: index.data)
    }

    /// The index a whole cache file holds for these inputs, refused unless every check of its
    /// header passes and it is an index of this corpus's entries.
    public static func index(inFile file: Data, for corpus: Corpus, glossary: Glossary, fields: EntryFields = .standard) throws(CacheFileRefusal)
        -> LexicalIndex
    {
        try index(Key(corpus: corpus, glossary: glossary, fields: fields).header.contents(ofFile: file), for: corpus)
    }

    private static func index(_ contents: Data, for corpus: Corpus) throws(CacheFileRefusal) -> LexicalIndex {
        guard let index = LexicalIndex(data: contents), index.documentCount == corpus.entries.count else {
            throw CacheFileRefusal(description: "its contents are not an index of this corpus's \(corpus.entries.count) entries")
        }
        return index
    }

    func file(for corpus: Corpus, glossary: Glossary, fields: EntryFields = .standard) -> URL {
        files.url(named: Key(corpus: corpus, glossary: glossary, fields: fields).name)
    }

    /// The cached index, or one built now and stored; `warn` hears, in a sentence, of a file that
    /// was refused (once the new one is stored) or could not be written.
    public func index(for corpus: Corpus, glossary: Glossary, fields: EntryFields = .standard, warn: (String) -> Void) -> LexicalIndex {
        let key = Key(corpus: corpus, glossary: glossary, fields: fields)
        let refusal: String?
        switch lookup(key, for: corpus) {
        case .hit(let index): return index
        case .miss: refusal = nil
        case .refused(let reason): refusal = reason
        }
        let index = LexicalIndex(corpus: corpus, glossary: glossary, fields: fields)
        do {
            try store(index, key: key)
            if let refusal { warn(refusal) }
        } catch {
            warn("cannot cache the index: \(error); it will be built again next time")
        }
        return index
    }

    /// What an index is a function of.
    struct Key {
        let corpus: UInt64
        let glossary: UInt64
        let analysis: UInt64

        init(corpus: Corpus, glossary: Glossary, fields: EntryFields) {
            // Hashed as they are read, each text and a zero byte after it: a large corpus's texts
            // are megabytes, which gathering into one buffer first cost its every open milliseconds.
            var hasher = XXHash64.Streaming()
            func add(_ text: String) {
                hasher.update(text)
                withUnsafeBytes(of: UInt8(0)) { hasher.update($0) }
            }
            func hashed() -> UInt64 {
                defer { hasher = XXHash64.Streaming() }
                return hasher.finalize()
            }
            for entry in corpus.entries {
                add(entry.question)
                add(entry.answer)
                add("\(entry.tags.count) tags")
                entry.tags.forEach(add)
            }
            self.corpus = hashed()
            for rule in glossary.rules {
                add("\(rule.triggerText.count) triggers")
                rule.triggerText.forEach(add)
                add(rule.expansionText)
            }
            self.glossary = hashed()
            add("fields \(fields.question) \(fields.tags) \(fields.answer) \(fields.identifier)")
            for term in Analyzer().analyze(Self.analysisProbe) { add("\(term.term) \(term.surface) \(term.isIdentifier) \(term.isPart)") }
            self.analysis = hashed()
        }

        /// A text that goes down most of analysis's paths (stop words, stemming, British spelling,
        /// code identifiers and their parts, camel case, an operator, a plural acronym, a
        /// typographic apostrophe, CJK pairs): an analysis that reads it differently changes the key
        /// even if `LexicalIndex.analysisVersion` was not bumped.
        static let analysisProbe =
            "The Queries aren’t optimised: select_related() and HttpRequest.META in settings.py, class-based views, OR NOT APIs; 数据库迁移 running 3.14"

        var header: CacheFileHeader {
            CacheFileHeader(
                magic: "DJTINDX1", kind: "an index cache file", formatVersion: 1, contentVersion: LexicalIndex.analysisVersion,
                keys: [
                    (corpus, "built for another corpus"), (glossary, "built with another glossary"),
                    (analysis, "built by another analysis of the text"),
                ])
        }

        /// The file's name: all three keys in one hash, in hex.
        var name: String {
            var bytes = Data()
            for key in [corpus, glossary, analysis, UInt64(LexicalIndex.analysisVersion)] {
                withUnsafeBytes(of: key.littleEndian) { bytes.append(contentsOf: $0) }
            }
            return String(XXHash64.hash(bytes), radix: 16)
        }
    }
}
