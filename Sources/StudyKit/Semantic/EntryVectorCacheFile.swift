import Foundation
import SentenceEmbedding

/// The form of a cached entry-vectors file: a 64-byte header that says what the vectors were
/// computed for and how long and what checksum the rest has, then the vectors' binary form
/// (`EntryVectors.data`).
///
/// Nothing read back is trusted: a file is refused unless its header names this corpus, this model,
/// this passage scheme and this format, its size is the size the header promises (checked before
/// the rest is read), and every byte of the rest matches the checksum. The file name says the same
/// (`EntryVectorCache`), but a file copied or linked under another name keeps its header.
///
/// Header, little-endian: "DJTVECS1" (format 1), UInt32 format version, UInt32 `EntryVectors.version`,
/// UInt64 corpus fingerprint (the texts embedded), UInt64 XXH64 of the model identifier (for the
/// sentence encoder, the checksum over its model file), UInt64 XXH64 of `EntryVectors.passageScheme`,
/// UInt64 byte count of the vectors, UInt64 XXH64 of the vectors, UInt64 XXH64 of the 56 bytes before.
public enum EntryVectorCacheFile {
    static let magic = Data("DJTVECS1".utf8)
    static let formatVersion: UInt32 = 1
    static let headerSize = 64

    /// What a file must have been computed for.
    public struct Key: Sendable, Equatable {
        let corpus: UInt64
        let model: UInt64
        let scheme: UInt64

        public init(corpus: Corpus, phrasings: Phrasings, modelIdentifier: String) {
            self.corpus = EntryVectors.textFingerprint(of: corpus, phrasings: phrasings)
            model = XXHash64.hash(Data(modelIdentifier.utf8))
            scheme = XXHash64.hash(Data(EntryVectors.passageScheme.utf8))
        }
    }

    /// Why a file was not used, as the end of a sentence that starts with its path.
    public struct Refusal: Error, Equatable, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// The whole file for `vectors`.
    public static func encode(_ vectors: EntryVectors, for key: Key) -> Data {
        let payload = vectors.data
        var header = magic
        func append<Word: FixedWidthInteger>(_ word: Word) { withUnsafeBytes(of: word.littleEndian) { header.append(contentsOf: $0) } }
        append(formatVersion)
        append(EntryVectors.version)
        append(key.corpus)
        append(key.model)
        append(key.scheme)
        append(UInt64(payload.count))
        append(XXHash64.hash(payload))
        append(XXHash64.hash(header))
        return header + payload
    }

    /// Checks a file's first `headerSize` bytes against `key` and the file's size; returns the
    /// vectors' byte count and checksum.
    static func payload(described header: Data, for key: Key, fileSize: Int) throws(Refusal) -> (count: Int, checksum: UInt64) {
        guard header.count == headerSize, header.prefix(magic.count) == magic else {
            throw Refusal(description: "not an entry-vectors cache file")
        }
        func word<Word: FixedWidthInteger>(_ offset: Int, _: Word.Type) -> Word {
            header.withUnsafeBytes { Word(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: Word.self)) }
        }
        guard XXHash64.hash(header.prefix(56)) == word(56, UInt64.self) else {
            throw Refusal(description: "its header does not match its checksum (the file is damaged)")
        }
        guard word(8, UInt32.self) == formatVersion, word(12, UInt32.self) == EntryVectors.version else {
            throw Refusal(description: "written in another format (by another version of django-tutor)")
        }
        guard word(16, UInt64.self) == key.corpus else { throw Refusal(description: "computed for another corpus") }
        guard word(24, UInt64.self) == key.model else { throw Refusal(description: "computed with another model") }
        guard word(32, UInt64.self) == key.scheme else { throw Refusal(description: "computed from passages cut another way") }
        let count = word(40, UInt64.self)
        guard count == UInt64(fileSize - headerSize) else {
            throw Refusal(description: "the file is \(fileSize) bytes, its header promises \(count) after the header's \(headerSize)")
        }
        return (Int(count), word(48, UInt64.self))
    }

    /// The vectors a whole file holds for `key`, refused unless every check above passes and they
    /// are vectors of `entryCount` entries, `dimension` values each.
    public static func decode(_ file: Data, for key: Key, entryCount: Int, dimension: Int) throws(Refusal) -> EntryVectors {
        guard file.count >= headerSize else { throw Refusal(description: "the file is \(file.count) bytes, shorter than a header") }
        let payload = try payload(described: file.prefix(headerSize), for: key, fileSize: file.count)
        return try vectors(file.dropFirst(headerSize), checksum: payload.checksum, entryCount: entryCount, dimension: dimension)
    }

    static func vectors(_ payload: Data, checksum: UInt64, entryCount: Int, dimension: Int) throws(Refusal) -> EntryVectors {
        guard XXHash64.hash(payload) == checksum else {
            throw Refusal(description: "its contents do not match their checksum (the file is damaged)")
        }
        guard let vectors = EntryVectors(data: Data(payload)), vectors.entryCount == entryCount, vectors.dimension == dimension else {
            throw Refusal(description: "its contents are not vectors of this corpus's \(entryCount) entries")
        }
        return vectors
    }
}
