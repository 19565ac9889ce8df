/// One line of a corpus file, a range of its bytes, classified as the corpus format reads it:
/// a fence, a heading, a Tags line, a blank. A line of ASCII alone (nearly every line) is read
/// byte by byte; any other by its Characters, as every line once was, so that a combining mark
/// or a Unicode space means what it always meant.
struct CorpusLine {
    let range: Range<Int>
    private let bytes: ArraySlice<UInt8>
    private let isASCII: Bool
    /// The text of a line that is not all ASCII, which is read by its Characters; empty otherwise.
    private let characters: Substring

    init(bytes: [UInt8], range: Range<Int>) {
        self.range = range
        self.bytes = bytes[range]
        isASCII = !self.bytes.contains { $0 >= 0x80 }
        characters = isASCII ? "" : Substring(String(decoding: self.bytes, as: UTF8.self))
    }

    /// The line as text.
    var text: Substring { isASCII ? Substring(String(decoding: bytes, as: UTF8.self)) : characters }

    /// A heading's level (1 to 3) and its text after the #s.
    var heading: (level: Int, text: Substring)? {
        guard isASCII else { return Self.heading(in: characters) }
        guard bytes.first == UInt8(ascii: "#") else { return nil }
        let hashes = bytes.prefix { $0 == UInt8(ascii: "#") }.count
        guard hashes <= 3 else { return nil }
        let rest = bytes.dropFirst(hashes)
        guard rest.isEmpty || rest.first == UInt8(ascii: " ") || rest.first == UInt8(ascii: "\t") else { return nil }
        return (hashes, Substring(String(decoding: rest, as: UTF8.self)))
    }

    /// The run of backticks or tildes opening or closing a fence, allowing three spaces of
    /// indent: its character and length.
    var fenceMarker: (character: UInt8, count: Int)? {
        guard isASCII else {
            return Self.fenceMarker(in: characters).map { (UInt8($0.first!.asciiValue!), $0.count) }
        }
        let indent = bytes.prefix { $0 == UInt8(ascii: " ") }.count
        guard indent <= 3, let first = bytes.dropFirst(indent).first, first == UInt8(ascii: "`") || first == UInt8(ascii: "~") else {
            return nil
        }
        let count = bytes.dropFirst(indent).prefix { $0 == first }.count
        return count >= 3 ? (first, count) : nil
    }

    /// The line holds its fence marker and nothing else but spaces around it.
    var isOnlyFenceMarker: Bool {
        guard let marker = fenceMarker else { return false }
        guard isASCII else { return CorpusParser.trimmingSpaces(characters).count == marker.count }
        let indent = bytes.prefix { $0 == UInt8(ascii: " ") }.count
        return bytes.dropFirst(indent + marker.count).allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    /// A `Tags:` line, whatever the case of its letters and the blanks before it.
    var isTags: Bool {
        let start = bytes.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        guard start.count >= 5 else { return false }
        return zip(start.prefix(5), "tags:".utf8).allSatisfy { $0 | 0x20 == $1 }
    }

    /// Nothing but white space.
    var isBlank: Bool {
        isASCII ? bytes.allSatisfy { $0 == UInt8(ascii: " ") || (0x09...0x0D).contains($0) } : characters.allSatisfy(\.isWhitespace)
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
