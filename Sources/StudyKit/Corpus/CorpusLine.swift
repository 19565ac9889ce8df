#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One line of a corpus file, a range of its bytes, classified as the corpus format reads it:
/// a fence, a heading, a Tags line, a blank. Read byte by byte while the bytes that decide are
/// ASCII (nearly always); where one is not, by the line's Characters, as every line once was, so
/// that a combining mark or a Unicode space means what it always meant.
struct CorpusLine {
    let range: Range<Int>
    private let bytes: UnsafeBufferPointer<UInt8>

    /// `file` must outlive the line.
    init(in file: UnsafeBufferPointer<UInt8>, range: Range<Int>) {
        self.range = range
        bytes = UnsafeBufferPointer(rebasing: file[range])
    }

    /// The lines of `file`, each without the carriage return before its line feed, and the first
    /// without a byte order mark.
    static func ranges(in file: UnsafeBufferPointer<UInt8>) -> Ranges { Ranges(file: file) }

    struct Ranges: Sequence, IteratorProtocol {
        let file: UnsafeBufferPointer<UInt8>
        private var start = 0

        init(file: UnsafeBufferPointer<UInt8>) { self.file = file }

        mutating func next() -> Range<Int>? {
            guard start <= file.count else { return nil }
            var end = file.count
            if start < file.count, let base = file.baseAddress, let found = memchr(base + start, Int32(UInt8(ascii: "\n")), file.count - start) {
                end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            }
            var line = start..<(end > start && file[end - 1] == UInt8(ascii: "\r") ? end - 1 : end)
            if start == 0, file[line].starts(with: [0xEF, 0xBB, 0xBF]) { line = (line.lowerBound + 3)..<line.upperBound }
            start = end + 1
            return line
        }
    }

    /// The line as text.
    var text: Substring { Substring(String(decoding: bytes, as: UTF8.self)) }

    /// A heading's level (1 to 3) and its text after the #s.
    var heading: (level: Int, text: Substring)? {
        guard bytes.first == UInt8(ascii: "#") else { return nil }
        let hashes = bytes.prefix { $0 == UInt8(ascii: "#") }.count
        guard hashes < bytes.count else { return hashes <= 3 ? (hashes, "") : nil }
        // A mark combining with the hash or space before it makes one Character with it.
        guard bytes[hashes] < 0x80, hashes + 1 == bytes.count || bytes[hashes + 1] < 0x80 else { return Self.heading(in: text) }
        guard hashes <= 3, bytes[hashes] == UInt8(ascii: " ") || bytes[hashes] == UInt8(ascii: "\t") else { return nil }
        return (hashes, Substring(String(decoding: UnsafeBufferPointer(rebasing: bytes[hashes...]), as: UTF8.self)))
    }

    /// The run of backticks or tildes opening or closing a fence, allowing three spaces of
    /// indent: its character and length.
    var fenceMarker: (character: UInt8, count: Int)? {
        let indent = bytes.prefix { $0 == UInt8(ascii: " ") }.count
        guard indent <= 3, indent < bytes.count, bytes[indent] == UInt8(ascii: "`") || bytes[indent] == UInt8(ascii: "~") else { return nil }
        let first = bytes[indent]
        let count = bytes[indent...].prefix { $0 == first }.count
        if indent + count < bytes.count, bytes[indent + count] >= 0x80 {
            return Self.fenceMarker(in: text).map { (first, $0.count) }
        }
        return count >= 3 ? (first, count) : nil
    }

    /// The line holds its fence marker and nothing else but spaces around it.
    var isOnlyFenceMarker: Bool {
        guard let marker = fenceMarker else { return false }
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return CorpusParser.trimmingSpaces(text).count == marker.count }
        let indent = bytes.prefix { $0 == UInt8(ascii: " ") }.count
        return bytes.dropFirst(indent + marker.count).allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    /// A `Tags:` line, whatever the case of its letters and the blanks before it.
    var isTags: Bool {
        var index = 0
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
        guard bytes.count - index >= 5 else { return false }
        return bytes[index] | 0x20 == UInt8(ascii: "t") && bytes[index + 1] | 0x20 == UInt8(ascii: "a")
            && bytes[index + 2] | 0x20 == UInt8(ascii: "g") && bytes[index + 3] | 0x20 == UInt8(ascii: "s") && bytes[index + 4] | 0x20 == UInt8(ascii: ":")
    }

    /// Nothing but white space.
    var isBlank: Bool {
        for byte in bytes {
            guard byte < 0x80 else { return text.allSatisfy(\.isWhitespace) }
            guard byte == UInt8(ascii: " ") || (0x09...0x0D).contains(byte) else { return false }
        }
        return true
    }

    private static func heading(in line: Substring) -> (level: Int, text: Substring)? {
        guard line.first == "#" else { return nil }
        let hashes = line.prefix { $0 == "#" }
        guard hashes.count <= 3 else { return nil }
        let rest = line.dropFirst(hashes.count)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        return (hashes.count, rest)
    }

    private static func fenceMarker(in line: Substring) -> Substring? {
        let indent = line.prefix { $0 == " " }
        guard indent.count <= 3 else { return nil }
        let rest = line.dropFirst(indent.count)
        guard let first = rest.first, first == "`" || first == "~" else { return nil }
        let marker = rest.prefix { $0 == first }
        return marker.count >= 3 ? marker : nil
    }
}
