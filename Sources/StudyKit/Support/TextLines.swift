/// The lines of a text, each without the spaces, tabs and carriage return around it, found on
/// the UTF-8 bytes: every one-shot command parses the compiled-in companion files at start-up,
/// and splitting them by `Character` cost milliseconds of `ask`'s budget.
enum TextLines {
    static func trimmed(_ text: String) -> [Substring] {
        let utf8 = text.utf8
        var lines: [Substring] = []
        var start = utf8.startIndex
        var index = start
        while true {
            let atEnd = index == utf8.endIndex
            if atEnd || utf8[index] == UInt8(ascii: "\n") {
                var low = start
                var high = index
                while low < high, isBlank(utf8[low]) { low = utf8.index(after: low) }
                while high > low, isBlank(utf8[utf8.index(before: high)]) { high = utf8.index(before: high) }
                lines.append(Substring(utf8[low..<high]))
                if atEnd { return lines }
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
    }

    /// `text` without the spaces and tabs around it (Foundation's `trimmingCharacters` is slow on
    /// Linux).
    static func trim(_ text: Substring) -> String {
        let utf8 = text.utf8
        var low = utf8.startIndex
        var high = utf8.endIndex
        while low < high, isBlank(utf8[low]) { low = utf8.index(after: low) }
        while high > low, isBlank(utf8[utf8.index(before: high)]) { high = utf8.index(before: high) }
        return String(Substring(utf8[low..<high]))
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }
}
