import Foundation

/// XXH64 (Yann Collet's xxHash, 64-bit), our own few lines of it: the checksum over a whole model
/// file and over each cached entry-vectors file, which any flipped bit changes.
///
/// Four lanes of 8-byte words run side by side, so the multiplications overlap: about 10 GB/s on
/// one core, so the 34 MB model costs a start-up a few milliseconds (measured by scripts/bench-ask).
/// `scripts/convert-encoder-model` computes the same function in Python.
public enum XXHash64 {
    static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    static let prime3: UInt64 = 0x1656_67B1_9E37_79F9
    static let prime4: UInt64 = 0x85EB_CA77_C2B2_AE63
    static let prime5: UInt64 = 0x27D4_EB2F_1656_67C5

    public static func hash(_ data: Data, seed: UInt64 = 0) -> UInt64 {
        data.withUnsafeBytes { hash($0, seed: seed) }
    }

    public static func hash(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
        let count = bytes.count
        guard let base = bytes.baseAddress else { return finish(seed &+ prime5, from: bytes, at: 0) }
        func word(_ offset: Int) -> UInt64 { UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
        var offset = 0
        var hash: UInt64
        if count >= 32 {
            var (lane1, lane2, lane3, lane4) = (seed &+ prime1 &+ prime2, seed &+ prime2, seed, seed &- prime1)
            while offset + 32 <= count {
                lane1 = round(lane1, word(offset))
                lane2 = round(lane2, word(offset + 8))
                lane3 = round(lane3, word(offset + 16))
                lane4 = round(lane4, word(offset + 24))
                offset += 32
            }
            hash = rotate(lane1, 1) &+ rotate(lane2, 7) &+ rotate(lane3, 12) &+ rotate(lane4, 18)
            for lane in [lane1, lane2, lane3, lane4] { hash = (hash ^ round(0, lane)) &* prime1 &+ prime4 }
        } else {
            hash = seed &+ prime5
        }
        return finish(hash &+ UInt64(count), from: bytes, at: offset)
    }

    /// XXH64 of bytes given piece by piece: the same hash as `hash` of them all together, without
    /// gathering them first (a large corpus's texts are megabytes).
    public struct Streaming {
        private let seed: UInt64
        private var lanes: (UInt64, UInt64, UInt64, UInt64)
        /// The bytes of a stripe not yet whole, fewer than 32.
        private var pending: [UInt8] = []
        private var total = 0

        public init(seed: UInt64 = 0) {
            self.seed = seed
            lanes = (seed &+ prime1 &+ prime2, seed &+ prime2, seed, seed &- prime1)
            pending.reserveCapacity(32)
        }

        public mutating func update(_ bytes: UnsafeRawBufferPointer) {
            total += bytes.count
            var offset = 0
            if !pending.isEmpty {
                let taken = min(32 - pending.count, bytes.count)
                pending.append(contentsOf: bytes[0..<taken])
                offset = taken
                guard pending.count == 32 else { return }
                pending.withUnsafeBytes { consume(stripeAt: 0, of: $0) }
                pending.removeAll(keepingCapacity: true)
            }
            while offset + 32 <= bytes.count {
                consume(stripeAt: offset, of: bytes)
                offset += 32
            }
            pending.append(contentsOf: bytes[offset...])
        }

        public mutating func update(_ text: String) {
            var text = text
            text.withUTF8 { update(UnsafeRawBufferPointer($0)) }
        }

        public func finalize() -> UInt64 {
            var hash: UInt64
            if total >= 32 {
                hash = rotate(lanes.0, 1) &+ rotate(lanes.1, 7) &+ rotate(lanes.2, 12) &+ rotate(lanes.3, 18)
                for lane in [lanes.0, lanes.1, lanes.2, lanes.3] { hash = (hash ^ round(0, lane)) &* prime1 &+ prime4 }
            } else {
                hash = seed &+ prime5
            }
            return pending.withUnsafeBytes { finish(hash &+ UInt64(total), from: $0, at: 0) }
        }

        private mutating func consume(stripeAt offset: Int, of bytes: UnsafeRawBufferPointer) {
            func word(_ at: Int) -> UInt64 { UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + at, as: UInt64.self)) }
            lanes = (round(lanes.0, word(0)), round(lanes.1, word(8)), round(lanes.2, word(16)), round(lanes.3, word(24)))
        }
    }

    /// The bytes after the last whole stripe of 32, then the avalanche.
    private static func finish(_ start: UInt64, from bytes: UnsafeRawBufferPointer, at offset: Int) -> UInt64 {
        var hash = start
        var offset = offset
        while offset + 8 <= bytes.count {
            hash ^= round(0, UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            hash = rotate(hash, 27) &* prime1 &+ prime4
            offset += 8
        }
        if offset + 4 <= bytes.count {
            hash ^= UInt64(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))) &* prime1
            hash = rotate(hash, 23) &* prime2 &+ prime3
            offset += 4
        }
        while offset < bytes.count {
            hash ^= UInt64(bytes[offset]) &* prime5
            hash = rotate(hash, 11) &* prime1
            offset += 1
        }
        hash ^= hash >> 33
        hash = hash &* prime2
        hash ^= hash >> 29
        hash = hash &* prime3
        return hash ^ (hash >> 32)
    }

    @inline(__always) private static func round(_ accumulator: UInt64, _ input: UInt64) -> UInt64 {
        rotate(accumulator &+ input &* prime2, 31) &* prime1
    }

    @inline(__always) private static func rotate(_ value: UInt64, _ bits: UInt64) -> UInt64 {
        (value << bits) | (value >> (64 - bits))
    }

    /// The hash in the form a file name or a model identifier uses: 16 lower-case hex digits.
    public static func hex(_ hash: UInt64) -> String {
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
