/// Renders an answer's Markdown for a terminal: paragraphs wrapped, `inline code` styled (its
/// backticks dropped), fenced blocks kept verbatim, list items with a hanging indent.
struct MarkdownText: Sendable {
    let style: TextStyle
    let wrapper: TextWrapper

    func render(_ markdown: String, indent: String, emphasis: (String) -> String = { $0 }) -> [String] {
        var lines: [String] = []
        var paragraph: [Substring] = []
        var inFence = false

        func flush() {
            guard !paragraph.isEmpty else { return }
            if !lines.isEmpty { lines.append("") }
            let text = paragraph.joined(separator: " ")
            // The marker is taken off before styling, which could change its length.
            if let bullet = Self.listMarker(text) {
                let body = emphasis(inlineCode(String(text.dropFirst(bullet.count))))
                lines += wrapper.wrap(
                    body, indent: indent + String(repeating: " ", count: bullet.count),
                    firstIndent: indent + bullet)
            } else {
                lines += wrapper.wrap(emphasis(inlineCode(text)), indent: indent)
            }
            paragraph = []
        }

        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                flush()
                if !inFence, !lines.isEmpty { lines.append("") }
                inFence.toggle()
                continue
            }
            if inFence {
                lines.append(indent + "  " + style.code(String(line)))
            } else if trimmed.isEmpty {
                flush()
            } else if Self.listMarker(String(trimmed)) != nil {
                flush()
                paragraph = [trimmed]
            } else {
                paragraph.append(trimmed)
            }
        }
        flush()
        return lines
    }

    /// Replaces `code` spans by styled text without backticks.
    func inlineCode(_ text: String) -> String {
        guard text.contains("`") else { return text }
        var result = ""
        var inCode = false
        var span = ""
        for character in text {
            if character == "`" {
                if inCode {
                    result += style.code(span)
                    span = ""
                }
                inCode.toggle()
            } else if inCode {
                span.append(character)
            } else {
                result.append(character)
            }
        }
        if inCode { result += "`" + span }
        return result
    }

    /// Answer text as plain prose: code spans unwrapped, fences dropped. For grading and snippets.
    static func plain(_ markdown: String) -> String {
        MarkdownText(style: .plain, wrapper: TextWrapper(width: Int.max / 2)).render(markdown, indent: "")
            .filter { !$0.isEmpty }.joined(separator: "\n")
    }

    private static func listMarker(_ text: String) -> String? {
        for marker in ["- ", "* ", "+ "] where text.hasPrefix(marker) { return marker }
        let digits = text.prefix { $0.isNumber }
        if !digits.isEmpty, text.dropFirst(digits.count).hasPrefix(". ") { return digits + ". " }
        return nil
    }
}
