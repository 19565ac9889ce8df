import Foundation
import SentenceEmbedding

/// The form of a cached entry-vectors file: a `CacheFileHeader` that names this corpus, this
/// model and this passage scheme, then the vectors' binary form (`EntryVectors.data`).
public enum EntryVectorCacheFile {
    static let headerSize = CacheFileHeader.size

    /// What a file must have been computed for.
    public struct Key: Sendable, Equatable {
        let corpus: UInt64
        let model: UInt64
        let scheme: UInt64

        public init(corpus: Corpus, phrasings: Phrasings, modelIdentifier: String) {
            self.init(texts: EntryVectors.textFingerprint(of: corpus, phrasings: phrasings), modelIdentifier: modelIdentifier)
        }

        /// `texts`: `EntryVectors.textFingerprint` of the corpus and its phrasings.
        init(texts: UInt64, modelIdentifier: String) {
            corpus = texts
            model = XXHash64.hash(Data(modelIdentifier.utf8))
            scheme = XXHash64.hash(Data(EntryVectors.passageScheme.utf8))
        }

        /// "DJTVECS1" (format 1), `EntryVectors.version`, then the texts embedded, the model
        /// identifier's XXH64 (for the sentence encoder, the checksum over its model file) and the
        /// passage scheme's.
        var header: CacheFileHeader {
            CacheFileHeader(
                magic: "DJTVECS1", kind: "an entry-vectors cache file", formatVersion: 1, contentVersion: EntryVectors.version,
                keys: [
                    (corpus, "computed for another corpus"), (model, "computed with another model"),
                    (scheme, "computed from passages cut another way"),
                ])
        }
    }

    public typealias Refusal = CacheFileRefusal

    /// The whole file for `vectors`.
    public static func encode(_ vectors: EntryVectors, for key: Key) -> Data {
        key.header.file(with: vectors.data)
    }

    /// The vectors a whole file holds for `key`, refused unless every check of its header passes
    /// and they are vectors of `entryCount` entries, `dimension` values each.
    public static func decode(_ file: Data, for key: Key, entryCount: Int, dimension: Int) throws(Refusal) -> EntryVectors {
        try vectors(key.header.contents(ofFile: file), entryCount: entryCount, dimension: dimension)
    }

    static func vectors(_ contents: Data, entryCount: Int, dimension: Int) throws(Refusal) -> EntryVectors {
        guard let vectors = EntryVectors(data: contents), vectors.entryCount == entryCount, vectors.dimension == dimension else {
            throw Refusal(description: "its contents are not vectors of this corpus's \(entryCount) entries")
        }
        return vectors
    }
}
