import Foundation

/// The embedded passages of a corpus's entries, stored flat with the entry each belongs to, with
/// a compact binary form for the compiled-in built-in corpus and for the cache of other corpora.
public struct EntryVectors: Sendable, Equatable {
    public let entryCount: Int
    public let dimension: Int
    /// For each passage, the position of its entry in the corpus.
    let owners: [Int32]
    let values: [Float]

    /// Names the way `passages(of:)` cuts an entry: change it whenever that changes, so that
    /// cached and compiled-in vectors are recomputed.
    static let passageScheme = "question, question + answer, question + pairs of sentences past 150 words (v2)"

    /// Words of the answer after which its sentences are also embedded in pairs.
    static let headWords = 150

    /// The texts embedded for one entry: its question alone, which a learner's question often
    /// paraphrases; the question with the whole answer; and, for a long answer, the question with
    /// each pair of sentences past its first 150 words. The encoder reads no more than 256 word
    /// pieces of a passage, so without these a long answer's tail would never be matched; pairing
    /// only the tail keeps a large corpus's first embedding to minutes.
    public static func passages(of entry: Entry) -> [String] {
        let answer = MarkdownText.plain(entry.answer)
        var passages = [entry.question, entry.question + "\n" + answer]
        var words = 0
        var tail: [String] = []
        for sentence in Sentences.split(answer) {
            if words >= headWords { tail.append(sentence) }
            words += sentence.split(separator: " ").count
        }
        passages += stride(from: 0, to: tail.count, by: 2).map { start in
            entry.question + "\n" + tail[start..<min(start + 2, tail.count)].joined(separator: " ")
        }
        return passages
    }

    /// Embeds every passage of every entry, a batch of entries at a time; `progress` hears how
    /// many entries are done.
    public static func compute(
        for corpus: Corpus, with embedder: any TextEmbedder, progress: (Int) -> Void = { _ in }
    ) -> EntryVectors {
        var owners: [Int32] = []
        var values: [Float] = []
        let batch = 32
        for start in stride(from: 0, to: corpus.entries.count, by: batch) {
            let positions = start..<min(start + batch, corpus.entries.count)
            var texts: [String] = []
            for position in positions {
                let passages = passages(of: corpus.entries[position])
                owners += repeatElement(Int32(position), count: passages.count)
                texts += passages
            }
            for vector in embedder.embed(texts) { values += vector }
            progress(positions.upperBound)
        }
        return EntryVectors(entryCount: corpus.entries.count, dimension: embedder.dimension, owners: owners, values: values)
    }

    init(entryCount: Int, dimension: Int, owners: [Int32], values: [Float]) {
        precondition(values.count == owners.count * dimension)
        self.entryCount = entryCount
        self.dimension = dimension
        self.owners = owners
        self.values = values
    }

    var passageCount: Int { owners.count }

    func vector(passage: Int) -> ArraySlice<Float> {
        values[(passage * dimension)..<((passage + 1) * dimension)]
    }

    // MARK: Binary form: "EVEC", then UInt32 LE version, entry count, passage count, dimension,
    // then each passage's entry position (UInt32 LE), then the Float32 LE values.

    static let magic = Data("EVEC".utf8)
    static let version: UInt32 = 2

    public var data: Data {
        var words = [Self.version, UInt32(entryCount), UInt32(passageCount), UInt32(dimension)] + owners.map { UInt32($0) }
        words += values.map(\.bitPattern)
        var data = Self.magic
        data.reserveCapacity(data.count + 4 * words.count)
        for word in words { withUnsafeBytes(of: word.littleEndian) { data.append(contentsOf: $0) } }
        return data
    }

    /// Reads the binary form; nil when it is not one (a damaged cache file is recomputed, not trusted).
    public init?(data: Data) {
        let magicCount = Self.magic.count
        guard data.count >= magicCount + 16, (data.count - magicCount) % 4 == 0, data.prefix(magicCount) == Self.magic else { return nil }
        let words: [UInt32] = data.dropFirst(magicCount).withUnsafeBytes { raw in
            (0..<(raw.count / 4)).map { UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * $0, as: UInt32.self)) }
        }
        let (version, entries, passages, dimension) = (words[0], Int(words[1]), Int(words[2]), Int(words[3]))
        guard version == Self.version, dimension > 0, words.count == 4 + passages + passages * dimension else { return nil }
        let owners = words[4..<(4 + passages)].map { Int32(bitPattern: $0) }
        guard owners.allSatisfy({ $0 >= 0 && Int($0) < entries }) else { return nil }
        self.init(
            entryCount: entries, dimension: dimension, owners: owners,
            values: words[(4 + passages)...].map { Float(bitPattern: $0) })
    }
}
