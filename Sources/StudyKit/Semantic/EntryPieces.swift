import COpenBLAS
import Foundation

/// Each entry's question and answer as the encoder reads them, one contextual vector per word
/// piece, for matching a query piece by piece (late interaction, ColBERT's MaxSim): each of the
/// query's pieces is credited with the closest piece of the entry, and the entry scores the mean
/// of those credits, weighted by how rare each piece is among the entries (idf).
///
/// A sentence embedding averages a long answer into one point, where the one paragraph a question
/// is about weighs little; a piece's vector keeps what its word means in that paragraph, so
/// "check if my file is being run directly" finds the entry that shows `if __name__ == "__main__"`.
/// Measured on the dev splits of three corpora in `docs/retrieval-quality.md`.
public struct EntryPieces: Sendable, Equatable {
    public let dimension: Int
    let entryCount: Int
    /// Where each entry's pieces start in `ids`, and (last) where the last one ends; empty when
    /// there are no pieces at all.
    let starts: [Int]
    /// Each piece's vocabulary id.
    let ids: [Int32]
    /// One row of `dimension` values per piece (unit length, give or take eight bits' precision):
    /// `levels` times the row's `scale`.
    let values: [Float]
    /// The stored form, eight bits a value: each row's largest magnitude is 127 levels, so a
    /// vector computed here equals the one read back from a cache.
    let scales: [Float]
    let levels: [Int8]
    /// Each piece id's inverse document frequency among the entries, `ln((n + 1) / (df + 0.5))`.
    let idf: [Int32: Float]
    /// What a piece no entry holds weighs: the most any piece can.
    let unseenIDF: Float

    /// The most pieces kept for a corpus: 40,000 (about 60 MB of vectors in memory, 15 MB in the
    /// cache) holds a few hundred FAQ entries. A larger corpus is matched by its sentence
    /// embeddings alone: piece-by-piece matching would cost it memory and time in proportion to
    /// its text.
    public static let maximumPieces = 40_000

    public static func empty(entryCount: Int, dimension: Int) -> EntryPieces {
        EntryPieces(dimension: dimension, entryCount: entryCount)
    }

    private init(dimension: Int, entryCount: Int) {
        self.dimension = dimension
        self.entryCount = entryCount
        (starts, ids, values, scales, levels, idf, unseenIDF) = ([], [], [], [], [], [:], 0)
    }

    /// Rounds each row of `values` to eight bits.
    init(dimension: Int, starts: [Int], ids: [Int32], values: [Float]) {
        precondition(values.count == ids.count * dimension)
        var scales: [Float] = []
        var levels: [Int8] = []
        levels.reserveCapacity(values.count)
        for piece in 0..<ids.count {
            let row = values[(piece * dimension)..<((piece + 1) * dimension)]
            let scale = max(row.map(abs).max() ?? 0, .leastNormalMagnitude) / 127
            scales.append(scale)
            levels += row.map { Int8(($0 / scale).rounded()) }
        }
        self.init(dimension: dimension, starts: starts, ids: ids, scales: scales, levels: levels)
    }

    private init(dimension: Int, starts: [Int], ids: [Int32], scales: [Float], levels: [Int8]) {
        precondition(starts.first == 0 && starts.last == ids.count && scales.count == ids.count && levels.count == ids.count * dimension)
        self.dimension = dimension
        self.entryCount = starts.count - 1
        self.starts = starts
        self.ids = ids
        self.scales = scales
        self.levels = levels
        values = levels.indices.map { Float(levels[$0]) * scales[$0 / dimension] }
        var frequency: [Int32: Int] = [:]
        for entry in 0..<(starts.count - 1) {
            for id in Set(ids[starts[entry]..<starts[entry + 1]]) { frequency[id, default: 0] += 1 }
        }
        let entries = Float(starts.count - 1)
        idf = frequency.mapValues { log((entries + 1) / (Float($0) + 0.5)) }
        unseenIDF = log((entries + 1) / 0.5)
    }

    /// The entries' encodings of their question and answer, in corpus order; none at all past
    /// `maximumPieces` (or when no entry has any).
    init(encodings: [TextEncoding], dimension: Int) {
        let total = encodings.reduce(0) { $0 + $1.pieceIDs.count }
        guard total > 0, total <= Self.maximumPieces else {
            self = .empty(entryCount: encodings.count, dimension: dimension)
            return
        }
        var starts = [0]
        for encoding in encodings { starts.append(starts.last! + encoding.pieceIDs.count) }
        self.init(dimension: dimension, starts: starts, ids: encodings.flatMap(\.pieceIDs), values: encodings.flatMap(\.pieceVectors))
    }

    public var isEmpty: Bool { ids.isEmpty }

    /// Each entry's score for the query, in corpus order: the idf-weighted mean, over the query's
    /// pieces, of the cosine with the entry's closest piece. Nil when either side has no pieces.
    func scores(for query: TextEncoding) -> [Double]? {
        let queryCount = query.pieceIDs.count
        guard !isEmpty, queryCount > 0, query.pieceVectors.count == queryCount * dimension else { return nil }
        let weights = query.pieceIDs.map { idf[$0] ?? unseenIDF }
        let totalWeight = weights.reduce(0, +)
        guard totalWeight > 0 else { return nil }
        // Every query piece against every entry piece in one product: queryCount × pieces.
        var cosines = [Float](repeating: 0, count: queryCount * ids.count)
        query.pieceVectors.withUnsafeBufferPointer { query in
            values.withUnsafeBufferPointer { pieces in
                cosines.withUnsafeMutableBufferPointer { cosines in
                    cblas_sgemm(
                        CblasRowMajor, CblasNoTrans, CblasTrans, Int32(queryCount), Int32(ids.count), Int32(dimension), 1,
                        query.baseAddress, Int32(dimension), pieces.baseAddress, Int32(dimension), 0, cosines.baseAddress, Int32(ids.count))
                }
            }
        }
        return (0..<entryCount).map { entry in
            let range = starts[entry]..<starts[entry + 1]
            guard !range.isEmpty else { return 0 }
            var sum: Float = 0
            for piece in 0..<queryCount {
                let row = piece * ids.count
                sum += weights[piece] * cosines[(row + range.lowerBound)..<(row + range.upperBound)].max()!
            }
            return Double(sum / totalWeight)
        }
    }
}

// MARK: Binary form, after the passages in `EntryVectors.data`: UInt32 LE piece count, then (when
// it is not 0) each entry's start and the end (entry count + 1 UInt32 LE), each piece's id (UInt32
// LE), each piece's scale (Float32 LE), then each piece's values as Int8 (value / scale, rounded),
// padded with zeros to a multiple of four bytes. Eight bits a value lose nothing that ranks.

extension EntryPieces {
    var words: [UInt32] {
        guard !isEmpty else { return [0] }
        var words = [UInt32(ids.count)] + starts.map { UInt32($0) } + ids.map { UInt32(bitPattern: $0) } + scales.map(\.bitPattern)
        let bytes = levels + repeatElement(0, count: (4 - levels.count % 4) % 4)
        words += bytes.withUnsafeBytes { raw in (0..<(raw.count / 4)).map { UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * $0, as: UInt32.self)) } }
        return words
    }

    /// Reads the form `words` writes from `raw` (the 32-bit words after the passages); nil when it
    /// is not one.
    init?(reading raw: UnsafeRawBufferPointer, entryCount: Int, dimension: Int) {
        func word(_ index: Int) -> UInt32 { UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * index, as: UInt32.self)) }
        let available = raw.count / 4
        guard raw.count % 4 == 0, available >= 1 else { return nil }
        let count = Int(word(0))
        guard count > 0 else {
            guard available == 1 else { return nil }
            self = .empty(entryCount: entryCount, dimension: dimension)
            return
        }
        // Counts from a damaged file must not overflow the size they are checked against.
        guard count <= Self.maximumPieces, entryCount < available else { return nil }
        let valueWords = (count * dimension + 3) / 4
        guard available == 1 + (entryCount + 1) + 2 * count + valueWords else { return nil }
        let starts = (0...entryCount).map { Int(word(1 + $0)) }
        guard starts.first == 0, starts.last == count, zip(starts, starts.dropFirst()).allSatisfy({ $0 <= $1 }) else { return nil }
        let idsAt = 2 + entryCount
        let ids = (0..<count).map { Int32(bitPattern: word(idsAt + $0)) }
        let scales = (0..<count).map { Float(bitPattern: word(idsAt + count + $0)) }
        guard scales.allSatisfy({ $0.isFinite && $0 > 0 }) else { return nil }
        let bytes = UnsafeRawBufferPointer(rebasing: raw[(4 * (idsAt + 2 * count))...])
        let levels = (0..<(count * dimension)).map { Int8(bitPattern: bytes[$0]) }
        // Only the form `words` writes: each row reaching ±127 (or all zero), no −128, zero padding.
        for piece in 0..<count {
            let largest = levels[(piece * dimension)..<((piece + 1) * dimension)].map { abs(Int($0)) }.max() ?? 0
            guard largest == 127 || largest == 0 else { return nil }
        }
        guard bytes[(count * dimension)...].allSatisfy({ $0 == 0 }) else { return nil }
        self.init(dimension: dimension, starts: starts, ids: ids, scales: scales, levels: levels)
    }
}
