import Foundation

/// Entry vectors of corpora other than the built-in one, computed once and kept as files named by
/// a fingerprint of everything they depend on (the passages' text and the model), so an edited
/// corpus or another model never reads stale vectors. The file's own header says the same, with a
/// checksum over the rest (`EntryVectorCacheFile`): a file that fails any check is refused and
/// computed again. `CacheDirectory` says how the files are kept.
public struct EntryVectorCache: Sendable {
    public let directory: URL

    /// The files kept: a few corpora, or a few versions of one being edited.
    public static let keptFiles = 8

    public init(directory: URL) {
        self.directory = directory
    }

    var files: CacheDirectory {
        CacheDirectory(directory: directory, fileExtension: "vectors", contents: "the entry vectors", instead: "are computed again", keptFiles: Self.keptFiles)
    }

    public typealias Lookup = CacheLookup<EntryVectors>

    /// The cached vectors for `corpus`, or nil when there are none or the file was refused.
    public func cached(for corpus: Corpus, phrasings: Phrasings, embedder: any TextEmbedder) -> EntryVectors? {
        if case .hit(let vectors) = lookup(for: corpus, phrasings: phrasings, embedder: embedder) { return vectors }
        return nil
    }

    public func lookup(for corpus: Corpus, phrasings: Phrasings, embedder: any TextEmbedder) -> Lookup {
        // The file's name and its header's key, both hashes of the corpus's text, made in one pass.
        let (name, texts) = EntryVectors.fingerprints(of: corpus, phrasings: phrasings, modelIdentifier: embedder.modelIdentifier)
        let key = EntryVectorCacheFile.Key(texts: texts, modelIdentifier: embedder.modelIdentifier)
        switch files.read(named: name, header: key.header) {
        case .miss: return .miss
        case .refused(let reason): return .refused(reason)
        case .found(let contents):
            do throws(CacheFileRefusal) {
                return .hit(try EntryVectorCacheFile.vectors(contents, entryCount: corpus.entries.count, dimension: embedder.dimension))
            } catch {
                return .refused(files.refusal(error, of: files.url(named: name).path))
            }
        }
    }

    public typealias Failure = CacheWriteFailure

    /// Stores `vectors`, then removes temporaries left by killed writes and the files used least
    /// recently past `keptFiles`. A cache that cannot be written only costs the next start its
    /// time, so the caller may only warn.
    public func store(_ vectors: EntryVectors, for corpus: Corpus, phrasings: Phrasings, embedder: any TextEmbedder) throws(Failure) {
        let (name, texts) = EntryVectors.fingerprints(of: corpus, phrasings: phrasings, modelIdentifier: embedder.modelIdentifier)
        let key = EntryVectorCacheFile.Key(texts: texts, modelIdentifier: embedder.modelIdentifier)
        try files.write(EntryVectorCacheFile.encode(vectors, for: key), named: name)
    }

    func tidy(keeping kept: String, now: Date = Date()) {
        files.tidy(keeping: kept, now: now)
    }

    func problem(_ error: Int32, reading path: String) -> String {
        files.problem(error, reading: path)
    }

    func problem(_ error: Int32, writing path: String) -> String {
        files.problem(error, writing: path)
    }

    func file(for corpus: Corpus, phrasings: Phrasings, embedder: any TextEmbedder) -> URL {
        files.url(named: Self.name(for: corpus, phrasings: phrasings, embedder: embedder))
    }

    private static func name(for corpus: Corpus, phrasings: Phrasings, embedder: any TextEmbedder) -> String {
        EntryVectors.fingerprint(of: corpus, phrasings: phrasings, modelIdentifier: embedder.modelIdentifier)
    }
}

extension EntryVectors {
    /// A 64-bit FNV-1a hash, in hex, of the model, the passage scheme, every entry's question,
    /// answer and phrasings, and the questions the corpus does not answer: what the vectors are a
    /// function of. Hashing the texts rather than the passages themselves keeps start-up quick;
    /// `passageScheme` names the way passages are cut.
    public static func fingerprint(of corpus: Corpus, phrasings: Phrasings, modelIdentifier: String) -> String {
        fingerprints(of: corpus, phrasings: phrasings, modelIdentifier: modelIdentifier).name
    }

    /// The same hash of the texts alone: what a cache file's header says it was computed for.
    static func textFingerprint(of corpus: Corpus, phrasings: Phrasings) -> UInt64 {
        var hasher = TextHasher()
        hasher.mix(corpus, phrasings)
        return hasher.hash
    }

    /// `fingerprint` and `textFingerprint` in one pass over the texts.
    static func fingerprints(of corpus: Corpus, phrasings: Phrasings, modelIdentifier: String) -> (name: String, texts: UInt64) {
        var named = TextHasher()
        named.mix(modelIdentifier)
        named.mix(passageScheme)
        var hashers = TextHasherPair(first: named, second: TextHasher())
        hashers.mix(corpus, phrasings)
        return (String(hashers.first.hash, radix: 16), hashers.second.hash)
    }
}

/// What reads texts one after another, a zero byte between them.
private protocol TextMixer {
    mutating func mix(_ text: String)
}

extension TextMixer {
    /// Every entry's question, answer and phrasings, and the questions not covered.
    mutating func mix(_ corpus: Corpus, _ phrasings: Phrasings) {
        for entry in corpus.entries {
            mix(entry.question)
            mix(entry.answer)
            // Counted, so that no text can move between two lists unnoticed.
            let ownPhrasings = phrasings.of(entry: entry.id)
            mix("\(ownPhrasings.count) phrasings")
            for phrasing in ownPhrasings { mix(phrasing) }
        }
        mix("\(phrasings.uncovered.count) questions not covered")
        for question in phrasings.uncovered { mix(question) }
    }
}

/// FNV-1a over texts, a zero byte between them.
private struct TextHasher: TextMixer {
    static let prime: UInt64 = 0x0000_0100_0000_01b3
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func mix(_ text: String) {
        var text = text
        // Over the bytes in place: a large corpus's megabytes, read every time it is opened.
        text.withUTF8 { bytes in
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* Self.prime
            }
        }
        hash = hash &* Self.prime  // a zero byte between texts
    }
}

/// Two FNV-1a hashes fed the same texts: each byte's multiplication depends on the one before, so
/// a processor runs the two chains side by side, and both hashes of a large corpus take about the
/// time of one.
private struct TextHasherPair: TextMixer {
    var first: TextHasher
    var second: TextHasher

    mutating func mix(_ text: String) {
        var text = text
        var (first, second) = (first.hash, second.hash)
        text.withUTF8 { bytes in
            for byte in bytes {
                first = (first ^ UInt64(byte)) &* TextHasher.prime
                second = (second ^ UInt64(byte)) &* TextHasher.prime
            }
        }
        self.first.hash = first &* TextHasher.prime
        self.second.hash = second &* TextHasher.prime
    }
}
