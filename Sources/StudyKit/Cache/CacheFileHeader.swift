import Foundation
import SentenceEmbedding

/// The 64-byte header every cache file starts with: what the contents were computed from, and how
/// long they are and what checksum they have.
///
/// Nothing read back is trusted: a file is refused unless its header is this kind's, its versions
/// and keys are this build's and these inputs', its size is the size the header promises (checked
/// before the rest is read), and every byte of the rest matches the checksum. A cache's file name
/// says the same, but a file copied or linked under another name keeps its header.
///
/// Little-endian: 8 bytes of magic, UInt32 format version, UInt32 content version, three UInt64
/// keys, UInt64 byte count of the contents, UInt64 XXH64 of the contents, UInt64 XXH64 of the 56
/// bytes before.
struct CacheFileHeader: Sendable {
    static let size = 64

    /// Eight bytes naming the kind of file.
    let magic: Data
    /// What "not such a file" says: "not an entry-vectors cache file".
    let kind: String
    let formatVersion: UInt32
    let contentVersion: UInt32
    /// What the contents are a function of, each with what a file computed from something else is
    /// ("computed for another corpus").
    let keys: [(value: UInt64, mismatch: String)]

    init(magic: String, kind: String, formatVersion: UInt32, contentVersion: UInt32, keys: [(value: UInt64, mismatch: String)]) {
        precondition(magic.utf8.count == 8 && keys.count == 3, "a header has 8 bytes of magic and three keys")
        self.magic = Data(magic.utf8)
        self.kind = kind
        self.formatVersion = formatVersion
        self.contentVersion = contentVersion
        self.keys = keys
    }

    /// The whole file: this header for `contents`, then the contents.
    func file(with contents: Data) -> Data {
        var header = magic
        func append<Word: FixedWidthInteger>(_ word: Word) { withUnsafeBytes(of: word.littleEndian) { header.append(contentsOf: $0) } }
        append(formatVersion)
        append(contentVersion)
        for key in keys { append(key.value) }
        append(UInt64(contents.count))
        append(XXHash64.hash(contents))
        append(XXHash64.hash(header))
        return header + contents
    }

    /// Checks a file's first `size` bytes against this header and the file's size; returns the
    /// contents' byte count and checksum.
    func contents(describedBy header: Data, fileSize: Int) throws(CacheFileRefusal) -> (count: Int, checksum: UInt64) {
        guard header.count == Self.size, header.prefix(magic.count) == magic else { throw CacheFileRefusal(description: "not \(kind)") }
        func word<Word: FixedWidthInteger>(_ offset: Int, _: Word.Type) -> Word {
            header.withUnsafeBytes { Word(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: Word.self)) }
        }
        guard XXHash64.hash(header.prefix(56)) == word(56, UInt64.self) else {
            throw CacheFileRefusal(description: "its header does not match its checksum (the file is damaged)")
        }
        guard word(8, UInt32.self) == formatVersion, word(12, UInt32.self) == contentVersion else {
            throw CacheFileRefusal(description: "written in another format (by another version of django-tutor)")
        }
        for (index, key) in keys.enumerated() where word(16 + 8 * index, UInt64.self) != key.value {
            throw CacheFileRefusal(description: key.mismatch)
        }
        let count = word(40, UInt64.self)
        guard count == UInt64(fileSize - Self.size) else {
            throw CacheFileRefusal(description: "the file is \(fileSize) bytes, its header promises \(count) after the header's \(Self.size)")
        }
        return (Int(count), word(48, UInt64.self))
    }

    /// The contents of a whole file, refused unless every check above passes.
    func contents(ofFile file: Data) throws(CacheFileRefusal) -> Data {
        guard file.count >= Self.size else { throw CacheFileRefusal(description: "the file is \(file.count) bytes, shorter than a header") }
        let described = try contents(describedBy: file.prefix(Self.size), fileSize: file.count)
        let contents = file.dropFirst(Self.size)
        try Self.check(contents, against: described.checksum)
        return Data(contents)
    }

    static func check(_ contents: Data, against checksum: UInt64) throws(CacheFileRefusal) {
        guard XXHash64.hash(contents) == checksum else {
            throw CacheFileRefusal(description: "its contents do not match their checksum (the file is damaged)")
        }
    }
}

/// Why a cache file was not used, as the end of a sentence that starts with its path.
public struct CacheFileRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    public let description: String
}

/// What a look in a cache found.
public enum CacheLookup<Value: Equatable & Sendable>: Equatable, Sendable {
    case hit(Value)
    /// No file yet: the value is computed and stored, without a word.
    case miss
    /// A file that cannot be read or was refused, in a sentence that names it and says what is
    /// wrong; the value is computed again.
    case refused(String)
}
