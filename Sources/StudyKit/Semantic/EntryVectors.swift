import Foundation

/// The embedded passages of a corpus's entries, stored flat with the entry each belongs to (and
/// the questions the corpus does not answer, which belong to none), with a compact binary form for
/// the compiled-in built-in corpus and for the cache of other corpora.
public struct EntryVectors: Sendable, Equatable {
    public let entryCount: Int
    public let dimension: Int
    /// For each passage, the position of its entry in the corpus; 0, meaning nothing, for a
    /// question the corpus does not answer (read `kinds` first).
    let owners: [Int32]
    /// For each passage, what it holds.
    let kinds: [Passage.Kind]
    let values: [Float]
    /// Each entry's question and answer, word piece by word piece (empty for a corpus past
    /// `EntryPieces.maximumPieces`, or an embedder without them).
    let pieces: EntryPieces

    /// One text embedded for an entry.
    public struct Passage: Sendable, Equatable {
        public enum Kind: UInt32, Sendable {
            /// The entry's question alone.
            case question = 0
            /// The question with (part of) the answer: what grading compares an answer with.
            case answer = 1
            /// A learner's way of asking for the entry (`Phrasings`).
            case phrasing = 2
            /// A question the corpus does not answer (`Phrasings.uncovered`). It belongs to no
            /// entry: its owner is 0, and means nothing.
            case uncovered = 3
        }

        public let text: String
        public let kind: Kind
    }

    /// Names the way `passages(of:phrasings:)` cuts an entry: change it whenever that changes, so
    /// that cached and compiled-in vectors are recomputed.
    static let passageScheme =
        "uncovered questions; then question, question + answer (with its word pieces), question + pairs of sentences past 150 words, phrasings (v4)"

    /// Words of the answer after which its sentences are also embedded in pairs.
    static let headWords = 150

    /// The texts embedded for one entry: its question alone, which a learner's question often
    /// paraphrases; the question with the whole answer; for a long answer, the question with
    /// each pair of sentences past its first 150 words; and the corpus's phrasings of it. The
    /// encoder reads no more than 256 word pieces of a passage, so without the pairs a long
    /// answer's tail would never be matched; pairing only the tail keeps a large corpus's first
    /// embedding to minutes.
    public static func passages(of entry: Entry, phrasings: [String]) -> [Passage] {
        let answer = MarkdownText.plain(entry.answer)
        var passages = [Passage(text: entry.question, kind: .question), Passage(text: entry.question + "\n" + answer, kind: .answer)]
        var words = 0
        var tail: [String] = []
        for sentence in Sentences.split(answer) {
            if words >= headWords { tail.append(sentence) }
            words += sentence.split(separator: " ").count
        }
        passages += stride(from: 0, to: tail.count, by: 2).map { start in
            Passage(text: entry.question + "\n" + tail[start..<min(start + 2, tail.count)].joined(separator: " "), kind: .answer)
        }
        passages += phrasings.map { Passage(text: $0, kind: .phrasing) }
        return passages
    }

    /// How many passages are embedded between two progress reports: enough for several of the
    /// encoder's packed batches on every core, few enough to report progress every second or so
    /// even when each fills its 256 word pieces.
    static let passagesPerStep = 32 * max(ProcessInfo.processInfo.activeProcessorCount, 1)

    /// Embeds the questions the corpus does not answer, then every passage of every entry, a few
    /// passages at a time, keeping the word pieces of each entry's question and answer; `progress`
    /// hears how many passages are done of how many. A few at a time, not an entry at a time: an
    /// entry with thousands of phrasings, or a long answer cut into many passages, would otherwise
    /// leave a progress line still for minutes.
    public static func compute(
        for corpus: Corpus, phrasings: Phrasings, with embedder: any TextEmbedder,
        progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }
    ) -> EntryVectors {
        // Every passage first: the total is known before the first is embedded.
        var owners = [Int32](repeating: 0, count: phrasings.uncovered.count)
        var kinds = [Passage.Kind](repeating: .uncovered, count: phrasings.uncovered.count)
        var texts = phrasings.uncovered
        var wholeEntryPassages: Set<Int> = []
        for (position, entry) in corpus.entries.enumerated() {
            let passages = passages(of: entry, phrasings: phrasings.of(entry: entry.id))
            owners += repeatElement(Int32(position), count: passages.count)
            kinds += passages.map(\.kind)
            wholeEntryPassages.insert(texts.count + Self.wholeEntryPassage)
            texts += passages.map(\.text)
        }
        var values: [Float] = []
        values.reserveCapacity(texts.count * embedder.dimension)
        // Each entry's pieces, in corpus order, until the corpus proves too large to keep them
        // (`EntryPieces.maximumPieces`).
        var wholeEntries: [TextEncoding]? = []
        var pieceCount = 0
        progress(0, texts.count)
        for start in stride(from: 0, to: texts.count, by: passagesPerStep) {
            let indices = start..<min(start + passagesPerStep, texts.count)
            // The question with the whole answer is encoded with its pieces; the rest need only their embeddings.
            let toEncode = indices.filter { wholeEntryPassages.contains($0) }
            let encoded = embedder.encode(toEncode.map { texts[$0] })
            let encodedAt = Dictionary(uniqueKeysWithValues: toEncode.enumerated().map { ($1, $0) })
            var embedded = embedder.embed(indices.filter { encodedAt[$0] == nil }.map { texts[$0] })[...]
            for index in indices {
                values += encodedAt[index].map { encoded[$0].sentence } ?? embedded.popFirst()!
            }
            pieceCount += encoded.reduce(0) { $0 + $1.pieceIDs.count }
            wholeEntries = pieceCount <= EntryPieces.maximumPieces ? wholeEntries.map { $0 + encoded } : nil
            progress(indices.upperBound, texts.count)
        }
        return EntryVectors(
            entryCount: corpus.entries.count, dimension: embedder.dimension, owners: owners, kinds: kinds, values: values,
            pieces: wholeEntries.map { EntryPieces(encodings: $0, dimension: embedder.dimension) }
                ?? .empty(entryCount: corpus.entries.count, dimension: embedder.dimension))
    }

    /// Where an entry's question with its whole answer is among `passages(of:phrasings:)`.
    static let wholeEntryPassage = 1

    init(entryCount: Int, dimension: Int, owners: [Int32], kinds: [Passage.Kind], values: [Float], pieces: EntryPieces? = nil) {
        precondition(values.count == owners.count * dimension && kinds.count == owners.count)
        precondition(pieces.map { $0.entryCount == entryCount && $0.dimension == dimension } ?? true)
        self.entryCount = entryCount
        self.dimension = dimension
        self.owners = owners
        self.kinds = kinds
        self.values = values
        self.pieces = pieces ?? .empty(entryCount: entryCount, dimension: dimension)
    }

    var passageCount: Int { owners.count }

    /// Only the passages of the kinds `include` accepts.
    func keeping(_ include: (Passage.Kind) -> Bool) -> EntryVectors {
        let kept = kinds.indices.filter { include(kinds[$0]) }
        return EntryVectors(
            entryCount: entryCount, dimension: dimension, owners: kept.map { owners[$0] }, kinds: kept.map { kinds[$0] },
            values: kept.flatMap { vector(passage: $0) }, pieces: pieces)
    }

    func vector(passage: Int) -> ArraySlice<Float> {
        values[(passage * dimension)..<((passage + 1) * dimension)]
    }

    // MARK: Binary form: "EVEC", then UInt32 LE version, entry count, passage count, dimension,
    // then each passage's entry position (0 for a question the corpus does not answer), then
    // each passage's kind (UInt32 LE), then the Float32 LE values, then the entries' word pieces
    // (`EntryPieces`).

    static let magic = Data("EVEC".utf8)
    /// The largest value a unit vector may hold, with room for rounding.
    static let largestValue: Float = 1.001
    static let version: UInt32 = 4

    public var data: Data {
        var words = [Self.version, UInt32(entryCount), UInt32(passageCount), UInt32(dimension)] + owners.map { UInt32($0) } + kinds.map(\.rawValue)
        words += values.map(\.bitPattern)
        words += pieces.words
        var data = Self.magic
        data.reserveCapacity(data.count + 4 * words.count)
        for word in words { withUnsafeBytes(of: word.littleEndian) { data.append(contentsOf: $0) } }
        return data
    }

    /// Reads the binary form; nil when it is not one (a damaged cache file is recomputed, not trusted).
    public init?(data: Data) {
        let magicCount = Self.magic.count
        guard data.count >= magicCount + 16, (data.count - magicCount) % 4 == 0, data.prefix(magicCount) == Self.magic else { return nil }
        let decoded: EntryVectors? = data.withUnsafeBytes { raw in
            func word(_ index: Int) -> UInt32 {
                UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: magicCount + 4 * index, as: UInt32.self))
            }
            let (version, entries, passages, dimension) = (word(0), Int(word(1)), Int(word(2)), Int(word(3)))
            // Counts from a damaged header must not overflow the size they are checked against.
            let words = (raw.count - magicCount) / 4
            guard version == Self.version, dimension > 0, dimension <= words, passages <= words,
                words > 4 + passages * (2 + dimension)
            else { return nil }
            let owners = (0..<passages).map { Int32(bitPattern: word(4 + $0)) }
            let kinds = (0..<passages).compactMap { Passage.Kind(rawValue: word(4 + passages + $0)) }
            guard owners.allSatisfy({ $0 >= 0 && Int($0) < entries }), kinds.count == passages,
                zip(owners, kinds).allSatisfy({ $1 != .uncovered || $0 == 0 })
            else { return nil }
            let valuesAt = magicCount + 4 * (4 + 2 * passages)
            // The values are copied as they lie: the compiled-in vectors are read at every start-up.
            let count = passages * dimension
            let values = [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
                let start = raw.baseAddress! + valuesAt
                UnsafeMutableRawPointer(buffer.baseAddress!).copyMemory(from: start, byteCount: 4 * count)
                #if _endian(big)
                    for index in 0..<count { buffer[index] = Float(bitPattern: UInt32(littleEndian: buffer[index].bitPattern)) }
                #endif
                initialized = count
            }
            // A unit vector's values lie within ±1: no NaN, no infinity, no 1e30 from a flipped
            // exponent bit, which would outweigh every other signal.
            guard values.allSatisfy({ abs($0) <= Self.largestValue }) else { return nil }
            let piecesAt = magicCount + 4 * (4 + passages * (2 + dimension))
            guard let pieces = EntryPieces(reading: UnsafeRawBufferPointer(rebasing: raw[piecesAt...]), entryCount: entries, dimension: dimension)
            else { return nil }
            return EntryVectors(entryCount: entries, dimension: dimension, owners: owners, kinds: kinds, values: values, pieces: pieces)
        }
        guard let decoded else { return nil }
        self = decoded
    }
}
