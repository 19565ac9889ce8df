import Foundation

/// Reads lines from a file descriptor (standard input: a pipe, a file, a device), keeping at
/// most `limit` characters of each and one more, so that what reads the line still sees that it
/// was cut. The rest of an over-long line is skipped, not stored, and only when the next line is
/// asked for: a line with no end (`< /dev/zero`) costs a fixed amount of memory, and a reader
/// that wants no more lines never waits for it to end.
public struct BoundedLineReader {
    public struct Line: Sendable, Equatable {
        /// The line without its `\n` or `\r\n`: all of it, or its first `limit + 1` characters.
        public let text: String
        /// The line held more than `limit` characters; the rest is skipped.
        public let wasCut: Bool
        /// 1 for the first line read.
        public let number: Int
    }

    public let limit: CharacterLimit
    private let descriptor: Int32
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var atEnd = false
    private var skipping = false
    private var linesRead = 0
    /// Why reading stopped early (`strerror`), or nil when the input ended or has not.
    public private(set) var failure: String?

    /// The most bytes kept of a line: enough for `limit + 1` characters of up to four bytes.
    private var byteLimit: Int { (limit.characters + 1) * 4 }

    public init(descriptor: Int32, limit: CharacterLimit, chunkSize: Int = 1 << 16) {
        self.descriptor = descriptor
        self.limit = limit
        buffer = [UInt8](repeating: 0, count: max(chunkSize, 1))
    }

    /// The next line, or nil at the end of the input (or when it cannot be read).
    public mutating func next() -> Line? {
        if skipping {
            while true {
                if let newline = newlineInBuffer() {
                    start = newline + 1
                    break
                }
                start = end
                guard refill() else { return nil }
            }
            skipping = false
        }
        var bytes: [UInt8] = []
        var cutBytes = false
        var sawAnything = false
        while true {
            let newline = newlineInBuffer()
            let stop = newline ?? end
            if stop > start { sawAnything = true }
            let room = byteLimit - bytes.count
            bytes += buffer[start..<min(stop, start + room)]
            if stop - start > room {
                // Over the limit: keep what fits and skip the rest on the next call.
                cutBytes = true
                start = min(stop, start + room)
                skipping = true
                break
            }
            if let newline {
                start = newline + 1
                sawAnything = true
                break
            }
            start = end
            guard refill() else {
                if !sawAnything { return nil }
                break
            }
        }
        linesRead += 1
        return line(from: bytes, cutBytes: cutBytes)
    }

    /// Whether `next()` can give a line without waiting for input that has not arrived: one is
    /// buffered, the input has ended, or bytes are ready to read. A program that writes one
    /// question and waits for its answer is answered before anything more is read.
    public var hasLineReady: Bool {
        guard !skipping else { return false }
        if atEnd || newlineInBuffer() != nil { return true }
        var descriptor = pollfd(fd: self.descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) > 0
    }

    private func line(from bytes: [UInt8], cutBytes: Bool) -> Line {
        var bytes = bytes[...]
        if cutBytes {
            bytes = Self.droppingIncompleteScalar(bytes)
        } else if bytes.last == UInt8(ascii: "\r") {
            bytes = bytes.dropLast()
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let kept = CharacterLimit(limit.characters + 1).cut(text).text
        return Line(text: kept, wasCut: cutBytes || kept.count > limit.characters, number: linesRead)
    }

    /// Bytes cut in the middle of a UTF-8 sequence lose its first part too, rather than decoding
    /// to a replacement character.
    private static func droppingIncompleteScalar(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var lead = bytes.endIndex
        while lead > bytes.startIndex && bytes.endIndex - lead < 4 {
            lead -= 1
            if bytes[lead] & 0xC0 != 0x80 { break }
        }
        guard lead < bytes.endIndex else { return bytes }
        let first = bytes[lead]
        let length = first < 0x80 ? 1 : first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC0 ? 2 : 1
        return bytes.endIndex - lead < length ? bytes[..<lead] : bytes
    }

    private func newlineInBuffer() -> Int? {
        guard start < end else { return nil }
        return buffer.withUnsafeBytes { raw -> Int? in
            guard let found = memchr(raw.baseAddress! + start, Int32(UInt8(ascii: "\n")), end - start) else { return nil }
            return UnsafeRawPointer(found) - raw.baseAddress!
        }
    }

    /// Reads the next chunk into the buffer; false at the end of the input or on an error.
    private mutating func refill() -> Bool {
        guard !atEnd else { return false }
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 {
                if count < 0 { failure = String(cString: strerror(errno)) }
                atEnd = true
                start = 0
                end = 0
                return false
            }
            start = 0
            end = count
            return true
        }
    }
}
