import COpenBLAS
import Foundation

/// Each entry's question and answer as the encoder reads them (their first 254 word pieces), one
/// contextual vector per word piece, for matching a query piece by piece (late interaction,
/// ColBERT's MaxSim): each of the query's pieces is credited with the closest piece of the entry,
/// and the entry scores the mean of those credits, weighted by how rare each piece is among the
/// entries (idf).
///
/// A sentence embedding averages a long answer into one point, where the one paragraph a question
/// is about weighs little; a piece's vector keeps what its word means in that paragraph, so "define
/// an abstract base class to act like an interface" finds the Python FAQ's "How do you specify and
/// enforce an interface spec in Python?", whose answer names the `abc` module.
/// Measured on the dev splits of three corpora in `docs/retrieval-quality.md`. The tail of a long
/// answer has no pieces: keeping them did not help there, and would cost memory.
struct EntryPieces: Sendable, Equatable {
    let dimension: Int
    let entryCount: Int
    /// Where each entry's pieces start in `ids`, and (last) where the last one ends; empty when
    /// there are no pieces at all.
    let starts: [Int]
    /// Each piece's vocabulary id.
    let ids: [Int32]
    /// One row of `dimension` values per piece, unit length give or take eight bits' precision:
    /// each row is stored as whole multiples of its `scale`, the largest of them ±127, so the
    /// vectors computed here are exactly those a cache reads back.
    let values: [Float]
    let scales: [Float]
    /// Each piece id's inverse document frequency among the entries, `ln((n + 1) / (df + 0.5))`.
    let idf: [Int32: Float]
    /// What a piece no entry holds weighs: the most any piece can.
    let unseenIDF: Float

    /// The most pieces kept for a corpus: 40,000 (about 60 MB of vectors in memory, 15 MB in the
    /// cache) holds a few hundred FAQ entries. A larger corpus is matched by its sentence
    /// embeddings alone: piece-by-piece matching would cost it memory and time in proportion to
    /// its text.
    static let maximumPieces = 40_000

    static func empty(entryCount: Int, dimension: Int) -> EntryPieces {
        EntryPieces(dimension: dimension, entryCount: entryCount, starts: [], ids: [], values: [], scales: [])
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

    /// Rounds each row of `values` to eight bits.
    init(dimension: Int, starts: [Int], ids: [Int32], values: [Float]) {
        precondition(values.count == ids.count * dimension)
        var rounded = values
        var scales: [Float] = []
        for piece in 0..<ids.count {
            let row = (piece * dimension)..<((piece + 1) * dimension)
            let scale = Self.scale(ofLargest: values[row].map(abs).max() ?? 0)
            scales.append(scale)
            for index in row { rounded[index] = (values[index] / scale).rounded() * scale }
        }
        self.init(dimension: dimension, entryCount: starts.count - 1, starts: starts, ids: ids, values: rounded, scales: scales)
    }

    private init(dimension: Int, entryCount: Int, starts: [Int], ids: [Int32], values: [Float], scales: [Float]) {
        precondition(starts.isEmpty ? ids.isEmpty : starts.count == entryCount + 1 && starts.first == 0 && starts.last == ids.count)
        precondition(values.count == ids.count * dimension && scales.count == ids.count)
        self.dimension = dimension
        self.entryCount = entryCount
        self.starts = starts
        self.ids = ids
        self.values = values
        self.scales = scales
        var frequency: [Int32: Int] = [:]
        for entry in 0..<max(starts.count - 1, 0) {
            for id in Set(ids[starts[entry]..<starts[entry + 1]]) { frequency[id, default: 0] += 1 }
        }
        let entries = Float(entryCount)
        idf = frequency.mapValues { log((entries + 1) / (Float($0) + 0.5)) }
        unseenIDF = log((entries + 1) / 0.5)
    }

    /// The step of a row whose largest magnitude is `largest`: 127 steps reach it. A row of zeros
    /// gets the smallest normal step, so that no step is zero.
    static func scale(ofLargest largest: Float) -> Float {
        max(largest, .leastNormalMagnitude) / 127
    }

    var isEmpty: Bool { ids.isEmpty }

    /// Query pieces matched at a time, from one query or several: each product reads every
    /// entry piece, so the more query pieces it serves the less that costs each (the cosines held
    /// at once are this many rows of every piece: 20 MB at `maximumPieces`).
    static let queryBlock = 128

    /// The fewest entry pieces worth a second core's time.
    static let smallestShare = 2_000

    /// Each entry's score for the query, in corpus order: the idf-weighted mean, over the query's
    /// pieces, of the cosine with the entry's closest piece. Nil when either side has no pieces.
    func scores(for query: TextEncoding) -> [Double]? {
        scores(for: [query])[0]
    }

    /// `scores(for:)` of several queries, their pieces matched together.
    func scores(for queries: [TextEncoding]) -> [[Double]?] {
        guard !isEmpty else { return queries.map { _ in nil } }
        // The query pieces that count, stacked: their vectors, whose query each is, and its weight.
        var stacked: [Float] = []
        var owners: [Int] = []
        var weights: [Float] = []
        var totalWeights = [Float](repeating: 0, count: queries.count)
        for (index, query) in queries.enumerated() where !query.pieceIDs.isEmpty && query.pieceVectors.count == query.pieceIDs.count * dimension {
            let own = query.pieceIDs.map { idf[$0] ?? unseenIDF }
            totalWeights[index] = own.reduce(0, +)
            guard totalWeights[index] > 0 else { continue }
            stacked += query.pieceVectors
            owners += repeatElement(index, count: own.count)
            weights += own
        }
        var sums = queries.indices.map { totalWeights[$0] > 0 ? [Float](repeating: 0, count: entryCount) : [] }
        var cosines = [Float](repeating: 0, count: min(owners.count, Self.queryBlock) * ids.count)
        for first in stride(from: 0, to: owners.count, by: Self.queryBlock) {
            let rows = min(Self.queryBlock, owners.count - first)
            // These query pieces against every entry piece: rows × pieces, each core a share of the pieces.
            let shares = ProcessInfo.processInfo.activeProcessorCount > 1 && ids.count >= 2 * Self.smallestShare ? 2 : 1
            let (pieceCount, dimension) = (ids.count, dimension)
            stacked.withUnsafeBufferPointer { query in
                values.withUnsafeBufferPointer { pieces in
                    cosines.withUnsafeMutableBufferPointer { cosines in
                        // Each share writes its own columns of `cosines`.
                        nonisolated(unsafe) let (query, pieces, cosines) = (query.baseAddress! + first * dimension, pieces.baseAddress!, cosines.baseAddress!)
                        DispatchQueue.concurrentPerform(iterations: shares) { share in
                            let columns = (pieceCount * share / shares)..<(pieceCount * (share + 1) / shares)
                            cblas_sgemm(
                                CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows), Int32(columns.count), Int32(dimension), 1,
                                query, Int32(dimension), pieces + columns.lowerBound * dimension, Int32(dimension), 0,
                                cosines + columns.lowerBound, Int32(pieceCount))
                        }
                    }
                }
            }
            for row in 0..<rows {
                let offset = row * ids.count
                let (owner, weight) = (owners[first + row], weights[first + row])
                for entry in 0..<entryCount where starts[entry] < starts[entry + 1] {
                    sums[owner][entry] += weight * cosines[(offset + starts[entry])..<(offset + starts[entry + 1])].max()!
                }
            }
        }
        return queries.indices.map { index in
            totalWeights[index] > 0 ? sums[index].map { Double($0 / totalWeights[index]) } : nil
        }
    }
}

// MARK: Binary form, after the passages in `EntryVectors.data`: UInt32 LE piece count, then (when
// it is not 0) each entry's start and the end (entry count + 1 UInt32 LE), each piece's id (UInt32
// LE), each piece's scale (Float32 LE), then each piece's values as Int8 multiples of its scale,
// padded with zeros to a multiple of four bytes. Eight bits a value lose nothing that ranks.

extension EntryPieces {
    var words: [UInt32] {
        guard !isEmpty else { return [0] }
        var words = [UInt32(ids.count)] + starts.map { UInt32($0) } + ids.map { UInt32(bitPattern: $0) } + scales.map(\.bitPattern)
        var levels = values.indices.map { UInt8(bitPattern: Int8((values[$0] / scales[$0 / dimension]).rounded())) }
        levels += repeatElement(0, count: (4 - levels.count % 4) % 4)
        words += levels.withUnsafeBytes { raw in
            (0..<(raw.count / 4)).map { UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * $0, as: UInt32.self)) }
        }
        return words
    }

    /// Reads the form `words` writes from `raw` (the 32-bit words after the passages); nil when it
    /// is not exactly such a form, of unit-length rows.
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
        guard available == 1 + (entryCount + 1) + 2 * count + (count * dimension + 3) / 4 else { return nil }
        let starts = (0...entryCount).map { Int(word(1 + $0)) }
        guard starts.first == 0, starts.last == count, zip(starts, starts.dropFirst()).allSatisfy({ $0 <= $1 }) else { return nil }
        let idsAt = 2 + entryCount
        let ids = (0..<count).map { Int32(bitPattern: word(idsAt + $0)) }
        let scales = (0..<count).map { Float(bitPattern: word(idsAt + count + $0)) }
        // A unit-length row's largest value lies between 1/√dimension and 1; only a row of zeros
        // has another step. Anything else would let a damaged file outweigh every other signal.
        let (smallest, largest) = (Self.scale(ofLargest: 1 / Float(dimension).squareRoot()) * 0.99, Self.scale(ofLargest: 1) * 1.01)
        guard scales.allSatisfy({ ($0 >= smallest && $0 <= largest) || $0 == Self.scale(ofLargest: 0) }) else { return nil }
        let levelsAt = 4 * (idsAt + 2 * count)
        guard raw[(levelsAt + count * dimension)...].allSatisfy({ $0 == 0 }) else { return nil }
        var values = [Float](repeating: 0, count: count * dimension)
        // Read at every start for the compiled-in corpus, so without a bounds check a byte.
        let canonical = values.withUnsafeMutableBufferPointer { values in
            UnsafeRawBufferPointer(rebasing: raw[levelsAt..<(levelsAt + count * dimension)]).withMemoryRebound(to: Int8.self) { levels in
                // Only the form `words` writes: each row reaching ±127 (or all zero), and no −128.
                for piece in 0..<count {
                    var reach: Int8 = 0
                    let scale = scales[piece]
                    for index in (piece * dimension)..<((piece + 1) * dimension) {
                        let level = levels[index]
                        guard level != .min else { return false }
                        reach = max(reach, abs(level))
                        values[index] = Float(level) * scale
                    }
                    guard reach == 127 || (reach == 0 && scale == Self.scale(ofLargest: 0)) else { return false }
                }
                return true
            }
        }
        guard canonical else { return nil }
        self.init(dimension: dimension, entryCount: entryCount, starts: starts, ids: ids, values: values, scales: scales)
    }
}
