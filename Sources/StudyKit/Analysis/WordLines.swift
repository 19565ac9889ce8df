/// Reads the compiled-in word tables (`EnglishFrequency`, `AmericanSpelling`): lines of words
/// separated by single spaces, parsed straight from the UTF-8 bytes because every one-shot
/// command pays for it at start-up (`split` with a `String` per word made it a third of `ask`'s
/// time).
enum WordLines {
    /// Calls `line` with the words of each non-empty line, in order.
    static func forEach(in text: String, _ line: ([String]) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var words: [String] = []
            var start = 0
            for index in 0...bytes.count {
                let byte = index < bytes.count ? bytes[index] : UInt8(ascii: "\n")
                guard byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") else { continue }
                if index > start {
                    words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                }
                if byte == UInt8(ascii: "\n"), !words.isEmpty {
                    line(words)
                    words.removeAll(keepingCapacity: true)
                }
                start = index + 1
            }
        }
    }
}
