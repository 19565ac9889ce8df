/// Greedy word wrapping that measures visible columns, so styled words wrap like plain ones.
struct TextWrapper: Sendable {
    let width: Int

    init(width: Int) { self.width = max(width, 20) }

    /// Wraps `text` to lines of at most `width` columns, each prefixed with `indent` (or
    /// `firstIndent` for the first). A word longer than a line gets a line of its own.
    func wrap(_ text: String, indent: String = "", firstIndent: String? = nil) -> [String] {
        var lines: [String] = []
        var line = firstIndent ?? indent
        var lineWidth = TextStyle.visibleWidth(line)
        var lineHasWord = false
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }) {
            let word = String(word)
            let wordWidth = TextStyle.visibleWidth(word)
            if lineHasWord && lineWidth + 1 + wordWidth > width {
                lines.append(line)
                line = indent
                lineWidth = TextStyle.visibleWidth(indent)
                lineHasWord = false
            }
            if lineHasWord {
                line += " "
                lineWidth += 1
            }
            line += word
            lineWidth += wordWidth
            lineHasWord = true
        }
        if lineHasWord || lines.isEmpty { lines.append(line) }
        return lines
    }
}
