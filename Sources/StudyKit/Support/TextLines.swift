/// The lines of a text, each without the ASCII blanks around it (spaces, tabs, a carriage
/// return), found on the UTF-8 bytes: every one-shot command parses the compiled-in companion
/// files at start-up, and splitting them by `Character` (or trimming with Foundation's
/// `trimmingCharacters`, slow on Linux) cost milliseconds of `ask`'s budget. Other Unicode
/// spaces (a no-break space) are kept: they are text. A byte order mark, which editors on Windows
/// may put before a UTF-8 file's first line, is no part of it.
enum TextLines {
    static func trimmed(_ text: String) -> [Substring] {
        let utf8 = text.utf8
        var lines: [Substring] = []
        var start = utf8.starts(with: [0xEF, 0xBB, 0xBF]) ? utf8.index(utf8.startIndex, offsetBy: 3) : utf8.startIndex
        var index = start
        while true {
            let atEnd = index == utf8.endIndex
            if atEnd || utf8[index] == UInt8(ascii: "\n") {
                lines.append(trimmed(Substring(utf8[start..<index])))
                if atEnd { return lines }
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
    }

    /// `text` without the ASCII blanks around it.
    static func trim(_ text: Substring) -> String {
        String(trimmed(text))
    }

    private static func trimmed(_ text: Substring) -> Substring {
        let utf8 = text.utf8
        var low = utf8.startIndex
        var high = utf8.endIndex
        while low < high, isBlank(utf8[low]) { low = utf8.index(after: low) }
        while high > low, isBlank(utf8[utf8.index(before: high)]) { high = utf8.index(before: high) }
        return Substring(utf8[low..<high])
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }
}
