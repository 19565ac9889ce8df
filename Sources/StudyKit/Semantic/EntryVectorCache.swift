import Foundation

/// Entry vectors of corpora other than the built-in one, computed once and kept as files named by
/// a fingerprint of everything they depend on (the passages' text and the model), so an edited
/// corpus or another model never reads stale vectors.
public struct EntryVectorCache: Sendable {
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    /// The cached vectors for `corpus`, or nil when there are none (or the file is damaged).
    public func cached(for corpus: Corpus, phrasings: Phrasings, embedder: any TextEmbedder) -> EntryVectors? {
        let url = file(for: corpus, phrasings: phrasings, embedder: embedder)
        guard let data = try? Data(contentsOf: url), let vectors = EntryVectors(data: data),
            vectors.entryCount == corpus.entries.count, vectors.dimension == embedder.dimension
        else { return nil }
        return vectors
    }

    /// Stores `vectors`; a cache that cannot be written only costs the next start its time, so
    /// the caller may ignore the error.
    public func store(_ vectors: EntryVectors, for corpus: Corpus, phrasings: Phrasings, embedder: any TextEmbedder) throws {
        try AppDirectories.create(directory)
        try vectors.data.write(to: file(for: corpus, phrasings: phrasings, embedder: embedder), options: .atomic)
    }

    func file(for corpus: Corpus, phrasings: Phrasings, embedder: any TextEmbedder) -> URL {
        directory.appendingPathComponent(
            EntryVectors.fingerprint(of: corpus, phrasings: phrasings, modelIdentifier: embedder.modelIdentifier) + ".vectors")
    }
}

extension EntryVectors {
    /// A 64-bit FNV-1a hash, in hex, of the model, the passage scheme, every entry's question,
    /// answer and phrasings, and the questions the corpus does not answer: what the vectors are a
    /// function of. Hashing the texts rather than the passages themselves keeps start-up quick;
    /// `passageScheme` names the way passages are cut.
    public static func fingerprint(of corpus: Corpus, phrasings: Phrasings, modelIdentifier: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ text: String) {
            for byte in text.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
            hash = hash &* 0x0000_0100_0000_01b3  // a zero byte between texts
        }
        mix(modelIdentifier)
        mix(passageScheme)
        for entry in corpus.entries {
            mix(entry.question)
            mix(entry.answer)
            // Counted, so that no text can move between two lists unnoticed.
            let ownPhrasings = phrasings.of(entry: entry.id)
            mix("\(ownPhrasings.count) phrasings")
            ownPhrasings.forEach(mix)
        }
        mix("\(phrasings.uncovered.count) questions not covered")
        phrasings.uncovered.forEach(mix)
        return String(hash, radix: 16)
    }
}
