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

    /// Embeds the questions the corpus does not answer, then every passage of every entry, a batch
    /// of entries at a time, keeping the word pieces of each entry's question and answer;
    /// `progress` hears how many entries are done.
    public static func compute(
        for corpus: Corpus, phrasings: Phrasings, with embedder: any TextEmbedder, progress: (Int) -> Void = { _ in }
    ) -> EntryVectors {
        var owners: [Int32] = []
        var kinds: [Passage.Kind] = []
        var values: [Float] = []
        let batch = 32
        // First, so that a progress line at 100 % means done.
        for start in stride(from: 0, to: phrasings.uncovered.count, by: batch) {
            let questions = phrasings.uncovered[start..<min(start + batch, phrasings.uncovered.count)]
            owners += repeatElement(0, count: questions.count)
            kinds += repeatElement(.uncovered, count: questions.count)
            for vector in embedder.embed(Array(questions)) { values += vector }
        }
        // Each entry's pieces, until the corpus proves too large to keep them (`EntryPieces.maximumPieces`).
        var wholeEntries: [TextEncoding]? = []
        var pieceCount = 0
        for start in stride(from: 0, to: corpus.entries.count, by: batch) {
            let positions = start..<min(start + batch, corpus.entries.count)
            var texts: [String] = []
            var wholeEntryPassages: [Int] = []
            for position in positions {
                let entry = corpus.entries[position]
                let passages = passages(of: entry, phrasings: phrasings.of(entry: entry.id))
                owners += repeatElement(Int32(position), count: passages.count)
                kinds += passages.map(\.kind)
                wholeEntryPassages.append(texts.count + Self.wholeEntryPassage)
                texts += passages.map(\.text)
            }
            // The question with the whole answer is encoded with its pieces; the rest need only their embeddings.
            let encoded = embedder.encode(wholeEntryPassages.map { texts[$0] })
            let encodedAt = Dictionary(uniqueKeysWithValues: wholeEntryPassages.enumerated().map { ($1, $0) })
            var embedded = embedder.embed(texts.indices.filter { encodedAt[$0] == nil }.map { texts[$0] })[...]
            for index in texts.indices {
                values += encodedAt[index].map { encoded[$0].sentence } ?? embedded.popFirst()!
            }
            pieceCount += encoded.reduce(0) { $0 + $1.pieceIDs.count }
            wholeEntries = pieceCount <= EntryPieces.maximumPieces ? wholeEntries.map { $0 + encoded } : nil
            progress(positions.upperBound)
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
            // The values are copied as they lie: the compiled-in vectors are read at every start-up.
            let count = passages * dimension
            let values = [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
                let start = raw.baseAddress! + magicCount + 4 * (4 + 2 * passages)
                UnsafeMutableRawPointer(buffer.baseAddress!).copyMemory(from: start, byteCount: 4 * count)
                #if _endian(big)
                    for index in 0..<count { buffer[index] = Float(bitPattern: UInt32(littleEndian: buffer[index].bitPattern)) }
                #endif
                initialized = count
            }
            let piecesAt = magicCount + 4 * (4 + passages * (2 + dimension))
            guard let pieces = EntryPieces(reading: UnsafeRawBufferPointer(rebasing: raw[piecesAt...]), entryCount: entries, dimension: dimension)
            else { return nil }
            return EntryVectors(entryCount: entries, dimension: dimension, owners: owners, kinds: kinds, values: values, pieces: pieces)
        }
        guard let decoded else { return nil }
        self = decoded
    }
}
