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
    private var bundledRead = false

    init(embedder: any TextEmbedder, rubric: Rubric) {
        self.embedder = embedder
        self.rubric = rubric
    }

    func vectors(of item: Rubric.Item, entryID: Int) -> Statements {
        if let known = lock.withLock({ () -> Statements? in
            if !bundledRead {
                bundledRead = true
                if let bundled = BundledRubricVectors.vectors(for: rubric, modelIdentifier: embedder.modelIdentifier) { byEntry = bundled }
            }
            return byEntry[entryID]
        }) {
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

    /// The inverse of `encode`; nil when the data does not hold exactly this rubric's vectors.
    static func decode(_ data: Data, for rubric: Rubric, dimension: Int) -> [Int: Statements]? {
        let count = rubric.items.values.reduce(0) { $0 + phrasings(of: $1).count }
        guard dimension > 0, data.count == count * dimension * 2 else { return nil }
        let values: [Float] = data.withUnsafeBytes { raw in
            (0..<(data.count / 2)).map { Float(Float16(bitPattern: UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: 2 * $0, as: UInt16.self)))) }
        }
        var offset = 0
        var result: [Int: Statements] = [:]
        for id in rubric.items.keys.sorted() {
            let item = rubric.items[id]!
            let vectors = phrasings(of: item).map { _ in
                defer { offset += dimension }
                return Array(values[offset..<(offset + dimension)])
            }
            result[id] = statements(of: item, from: vectors)
        }
        return result
    }
}

/// The built-in rubric's vectors, compiled in (`scripts/embed-corpus`) so that grading needs no
/// embedding of its statements.
public enum BundledRubricVectors {
    /// The vectors, when they were computed from exactly this rubric by this model; nil otherwise
    /// (they are then computed entry by entry, and a test says the compiled copy is stale).
    static func vectors(for rubric: Rubric, modelIdentifier: String) -> [Int: RubricVectors.Statements]? {
        guard RubricVectors.fingerprint(of: rubric, modelIdentifier: modelIdentifier) == fingerprint,
            let data = Data(base64Encoded: base64)
        else { return nil }
        return RubricVectors.decode(data, for: rubric, dimension: dimension)
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
