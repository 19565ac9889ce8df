import Foundation

/// The embedded passages of a corpus's entries, stored flat (entry-major), with a compact binary
/// form for the compiled-in built-in corpus and for the cache of other corpora.
public struct EntryVectors: Sendable, Equatable {
    public let entryCount: Int
    public let passagesPerEntry: Int
    public let dimension: Int
    let values: [Float]

    /// The texts embedded for one entry, in the order `vector(entry:passage:)` reads them.
    public static func passages(of entry: Entry) -> [String] {
        let answer = MarkdownText.plain(entry.answer)
        return [entry.question, entry.question + "\n" + answer]
    }

    public static var passagesPerEntry: Int { 2 }

    /// Embeds every passage of every entry; `progress` hears how many entries are done.
    public static func compute(
        for corpus: Corpus, with embedder: any TextEmbedder, progress: (Int) -> Void = { _ in }
    ) -> EntryVectors {
        var values: [Float] = []
        values.reserveCapacity(corpus.entries.count * passagesPerEntry * embedder.dimension)
        for (done, entry) in corpus.entries.enumerated() {
            for passage in passages(of: entry) { values += embedder.embed(passage) }
            progress(done + 1)
        }
        return EntryVectors(entryCount: corpus.entries.count, passagesPerEntry: passagesPerEntry, dimension: embedder.dimension, values: values)
    }

    init(entryCount: Int, passagesPerEntry: Int, dimension: Int, values: [Float]) {
        precondition(values.count == entryCount * passagesPerEntry * dimension)
        self.entryCount = entryCount
        self.passagesPerEntry = passagesPerEntry
        self.dimension = dimension
        self.values = values
    }

    func vector(entry: Int, passage: Int) -> ArraySlice<Float> {
        let start = (entry * passagesPerEntry + passage) * dimension
        return values[start..<(start + dimension)]
    }

    // MARK: Binary form: "EVEC", version, entry count, passages, dimension (UInt32 LE), then Float32 LE values.

    static let magic = Data("EVEC".utf8)
    static let version: UInt32 = 1

    public var data: Data {
        var data = Self.magic
        for field in [Self.version, UInt32(entryCount), UInt32(passagesPerEntry), UInt32(dimension)] {
            withUnsafeBytes(of: field.littleEndian) { data.append(contentsOf: $0) }
        }
        values.withUnsafeBufferPointer { buffer in
            for value in buffer { withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) } }
        }
        return data
    }

    /// Reads the binary form; nil when it is not one (a damaged cache file is recomputed, not trusted).
    public init?(data: Data) {
        let header = Self.magic.count + 16
        guard data.count >= header, data.prefix(Self.magic.count) == Self.magic else { return nil }
        let bytes = [UInt8](data)
        func word(_ index: Int) -> Int {
            let offset = Self.magic.count + 4 * index
            return Int(UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24)
        }
        let (version, entries, passages, dimension) = (word(0), word(1), word(2), word(3))
        let count = entries * passages * dimension
        guard version == Self.version, passages > 0, dimension > 0, bytes.count == header + 4 * count else { return nil }
        var values = [Float](repeating: 0, count: count)
        for index in 0..<count {
            let offset = header + 4 * index
            values[index] = Float(bitPattern: UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8
                | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24)
        }
        self.init(entryCount: entries, passagesPerEntry: passages, dimension: dimension, values: values)
    }
}
