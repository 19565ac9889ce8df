import Foundation

/// The embeddings of a rubric's phrasings. The built-in rubric's are compiled in
/// (`BundledRubricVectors`, written by `scripts/embed-corpus`); another corpus's are computed for
/// an entry the first time one of its answers is graded and kept for the sitting, since a quiz
/// grades a few entries and embedding every statement up front would delay start-up for nothing.
final class RubricVectors: @unchecked Sendable {
    struct Statements: Equatable {
        /// [point][phrasing] → vector.
        let keyPoints: [[[Float]]]
        let misconceptions: [[[Float]]]
    }

    let embedder: any TextEmbedder
    private let rubric: Rubric
    private let lock = NSLock()
    private var byEntry: [Int: Statements] = [:]
    /// The compiled-in vectors, when they are this rubric's: read an entry at a time, since a
    /// grade needs one entry's and decoding them all would cost every one-shot `grade`.
    private lazy var bundled: BundledRubricVectors.Table? = BundledRubricVectors.table(for: rubric, modelIdentifier: embedder.modelIdentifier)

    init(embedder: any TextEmbedder, rubric: Rubric) {
        self.embedder = embedder
        self.rubric = rubric
    }

    func vectors(of item: Rubric.Item, entryID: Int) -> Statements {
        if let known = lock.withLock({ byEntry[entryID] ?? bundled?.statements(ofEntry: entryID, item: item) }) {
            return known
        }
        let computed = Self.statements(of: item, from: embedder.embed(Self.phrasings(of: item)))
        lock.withLock { byEntry[entryID] = computed }
        return computed
    }

    /// Every phrasing of an entry's rubric, key points first, in order: what is embedded.
    static func phrasings(of item: Rubric.Item) -> [String] {
        (item.keyPoints + item.misconceptions).flatMap(\.phrasings)
    }

    static func statements(of item: Rubric.Item, from vectors: [[Float]]) -> Statements {
        var remaining = vectors[...]
        func take(_ statements: [Rubric.Statement]) -> [[[Float]]] {
            statements.map { statement in statement.phrasings.map { _ in remaining.popFirst() ?? [] } }
        }
        return Statements(keyPoints: take(item.keyPoints), misconceptions: take(item.misconceptions))
    }

    /// A 64-bit FNV-1a hash, in hex, of the model and every phrasing of the rubric, entry by
    /// entry: what the vectors are a function of.
    static func fingerprint(of rubric: Rubric, modelIdentifier: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ text: String) {
            for byte in text.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
            hash = hash &* 0x0000_0100_0000_01b3
        }
        mix(modelIdentifier)
        for id in rubric.items.keys.sorted() {
            let item = rubric.items[id]!
            mix("#\(id) \(item.keyPoints.count) \(item.misconceptions.count)")
            for statement in item.keyPoints + item.misconceptions {
                mix("\(statement.phrasings.count)")
                statement.phrasings.forEach(mix)
            }
        }
        return String(hash, radix: 16)
    }

    /// Every entry's vectors, entries by id, as 16-bit floats: the compiled-in form.
    static func encode(_ rubric: Rubric, with embedder: any TextEmbedder) -> Data {
        var data = Data()
        for id in rubric.items.keys.sorted() {
            for vector in embedder.embed(phrasings(of: rubric.items[id]!)) {
                for value in vector { withUnsafeBytes(of: Float16(value).bitPattern.littleEndian) { data.append(contentsOf: $0) } }
            }
        }
        return data
    }

}

/// The built-in rubric's vectors, compiled in (`scripts/embed-corpus`) so that grading needs no
/// embedding of its statements.
public enum BundledRubricVectors {
    /// The compiled-in vectors with where each entry's begin.
    struct Table {
        let data: Data
        let dimension: Int
        /// Each entry's first vector, counted in vectors.
        let starts: [Int: Int]

        /// One entry's statements, read from the table; nil when it has none there.
        func statements(ofEntry id: Int, item: Rubric.Item) -> RubricVectors.Statements? {
            guard let start = starts[id] else { return nil }
            let count = RubricVectors.phrasings(of: item).count
            let vectors: [[Float]] = data.withUnsafeBytes { raw in
                (0..<count).map { vector in
                    (0..<dimension).map { index in
                        let offset = 2 * ((start + vector) * dimension + index)
                        return Float(Float16(bitPattern: UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt16.self))))
                    }
                }
            }
            return RubricVectors.statements(of: item, from: vectors)
        }
    }

    /// The table, when it was computed from exactly this rubric by this model; nil otherwise (the
    /// vectors are then computed entry by entry, and a test says the compiled copy is stale).
    static func table(for rubric: Rubric, modelIdentifier: String) -> Table? {
        guard RubricVectors.fingerprint(of: rubric, modelIdentifier: modelIdentifier) == fingerprint, dimension > 0,
            let data = Data(base64Encoded: base64)
        else { return nil }
        var starts: [Int: Int] = [:]
        var count = 0
        for id in rubric.items.keys.sorted() {
            starts[id] = count
            count += RubricVectors.phrasings(of: rubric.items[id]!).count
        }
        guard data.count == count * dimension * 2 else { return nil }
        return Table(data: data, dimension: dimension, starts: starts)
    }

    /// Swift source holding `rubric`'s vectors, for `scripts/embed-corpus`.
    public static func source(for rubric: Rubric, embedder: any TextEmbedder) -> String {
        """
        // Generated by scripts/embed-corpus. Do not edit; rerun the script after editing the rubric.

        extension BundledRubricVectors {
            static let fingerprint = "\(RubricVectors.fingerprint(of: rubric, modelIdentifier: embedder.modelIdentifier))"
            static let dimension = \(embedder.dimension)
            static let base64 = "\(RubricVectors.encode(rubric, with: embedder).base64EncodedString())"
        }

        """
    }
}
