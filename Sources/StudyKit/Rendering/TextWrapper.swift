/// Greedy word wrapping that measures display columns (`DisplayWidth`), so styled words, CJK and
/// emoji wrap like plain ones.
struct TextWrapper: Sendable {
    let width: Int

    init(width: Int) { self.width = max(width, 20) }

    /// Wraps `text` to lines of at most `width` columns, each prefixed with `indent` (or
    /// `firstIndent` for the first). Lines break at spaces, and also beside a wide character
    /// (CJK writes no spaces; Unicode's line breaking allows a break between ideographs). A word
    /// of narrow characters longer than a line gets a line of its own.
    func wrap(_ text: String, indent: String = "", firstIndent: String? = nil) -> [String] {
        var lines: [String] = []
        var line = firstIndent ?? indent
        var lineWidth = TextStyle.visibleWidth(line)
        var lineHasWord = false
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }) {
            for (index, piece) in Self.pieces(of: word).enumerated() {
                let separator = index == 0 && lineHasWord ? " " : ""
                let pieceWidth = TextStyle.visibleWidth(piece)
                if lineHasWord && lineWidth + separator.count + pieceWidth > width {
                    lines.append(line)
                    line = indent
                    lineWidth = TextStyle.visibleWidth(indent)
                    lineHasWord = false
                } else {
                    line += separator
                    lineWidth += separator.count
                }
                line += piece
                lineWidth += pieceWidth
                lineHasWord = true
            }
        }
        if lineHasWord || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// A word cut where a line may break inside it: before and after each wide character.
    /// Escape sequences stay with the text that follows them.
    static func pieces(of word: Substring) -> [String] {
        var pieces: [String] = []
        var current = ""
        var currentHasText = false
        var inEscape = false
        for character in word {
            if inEscape || character == "\u{1B}" {
                inEscape = character != "m"
                current.append(character)
                continue
            }
            let isWide = DisplayWidth.of(character) == 2
            if isWide && currentHasText {
                pieces.append(current)
                current = ""
            }
            current.append(character)
            currentHasText = true
            if isWide {
                pieces.append(current)
                current = ""
                currentHasText = false
            }
        }
        if currentHasText || !current.isEmpty {
            if currentHasText || pieces.isEmpty { pieces.append(current) } else { pieces[pieces.count - 1] += current }
        }
        return pieces
    }
}
