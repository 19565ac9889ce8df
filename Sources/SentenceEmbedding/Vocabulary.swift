import Foundation

/// WordPiece vocabulary read in place from the model file: token bytes by id, and the ids sorted by
/// token bytes for a binary search, so loading builds no dictionary of 30,522 strings.
struct Vocabulary: Sendable {
    private let data: Data
    private let offsets: TensorLayout
    private let blob: TensorLayout
    private let sorted: TensorLayout
    let count: Int

    init(data: Data, offsets: TensorLayout, blob: TensorLayout, sorted: TensorLayout) {
        self.data = data
        self.offsets = offsets
        self.blob = blob
        self.sorted = sorted
        count = sorted.count
    }

    /// Reads the three vocabulary tensors and checks that the offsets and the sorted ids are sound,
    /// so lookups never read outside the blob.
    init(reading reader: inout TensorReader, size: Int) throws(SentenceEncoderError) {
        let file = reader.file
        let offsets = try reader.next("vocabulary offsets", rows: 1, columns: size + 1, encodings: [.uint32])
        guard let blobSize = file.tensors.dropFirst(reader.index).first?.columns else {
            throw .corrupt(file.url, reason: "the file ends before the vocabulary")
        }
        let blob = try reader.next("vocabulary tokens", rows: 1, columns: blobSize, encodings: [.bytes])
        let sorted = try reader.next("sorted vocabulary", rows: 1, columns: size, encodings: [.uint32])
        self.init(data: file.data, offsets: offsets, blob: blob, sorted: sorted)
        let sound = file.data.withUnsafeBytes { raw in
            var previous: UInt32 = 0
            for index in 0...size {
                let offset = Self.u32(offsets, index, raw)
                guard offset >= previous else { return false }
                previous = offset
            }
            guard Int(previous) == blobSize else { return false }
            var seen = [Bool](repeating: false, count: size)
            for index in 0..<size {
                let id = Int(Self.u32(sorted, index, raw))
                guard id < size, !seen[id] else { return false }
                seen[id] = true
            }
            return true
        }
        guard sound else { throw .corrupt(file.url, reason: "the vocabulary's offsets or sorted ids are inconsistent") }
    }

    /// An in-memory vocabulary in the file's layout (for tests and tools).
    init(tokens: [String]) {
        let encoded = tokens.map { Array($0.utf8) }
        var offsets: [UInt32] = [0]
        for token in encoded { offsets.append(offsets.last! + UInt32(token.count)) }
        let order = encoded.indices.sorted { encoded[$0].lexicographicallyPrecedes(encoded[$1]) }.map(UInt32.init)
        var bytes = Data()
        func append(_ values: [UInt32]) { values.withUnsafeBytes { bytes.append(contentsOf: $0) } }
        append(offsets)
        let blobOffset = bytes.count
        bytes.append(contentsOf: encoded.joined())
        let sortedOffset = bytes.count
        append(order)
        self.init(
            data: bytes,
            offsets: TensorLayout(rows: 1, columns: offsets.count, encoding: .uint32, offset: 0),
            blob: TensorLayout(rows: 1, columns: sortedOffset - blobOffset, encoding: .bytes, offset: blobOffset),
            sorted: TensorLayout(rows: 1, columns: order.count, encoding: .uint32, offset: sortedOffset))
    }

    /// The id of the token with exactly these UTF-8 bytes.
    func id(of token: UnsafeBufferPointer<UInt8>) -> Int? {
        data.withUnsafeBytes { raw in
            var low = 0
            var high = count
            while low < high {
                let middle = (low + high) / 2
                let id = Int(Self.u32(sorted, middle, raw))
                let order = compare(self.token(id, raw), token)
                if order == 0 { return id }
                if order < 0 { low = middle + 1 } else { high = middle }
            }
            return nil
        }
    }

    func id(of token: String) -> Int? {
        var token = token
        return token.withUTF8 { id(of: $0) }
    }

    func token(_ id: Int) -> String {
        data.withUnsafeBytes { String(decoding: token(id, $0), as: UTF8.self) }
    }

    private func token(_ id: Int, _ raw: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        let start = Int(Self.u32(offsets, id, raw))
        let end = Int(Self.u32(offsets, id + 1, raw))
        return UnsafeRawBufferPointer(rebasing: raw[(blob.offset + start)..<(blob.offset + end)])
    }

    private func compare(_ lhs: UnsafeRawBufferPointer, _ rhs: UnsafeBufferPointer<UInt8>) -> Int {
        let common = min(lhs.count, rhs.count)
        if common > 0 {
            let order = memcmp(lhs.baseAddress!, rhs.baseAddress!, common)
            if order != 0 { return Int(order) }
        }
        return lhs.count - rhs.count
    }

    private static func u32(_ tensor: TensorLayout, _ index: Int, _ raw: UnsafeRawBufferPointer) -> UInt32 {
        UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: tensor.offset + index * 4, as: UInt32.self))
    }
}
