/// Turns study objects into terminal text for a given width and style.
///
/// Everything a person reads goes through here, so the REPL and the one-shot commands look alike
/// and tests can check output without a terminal.
public struct TextRenderer: Sendable {
    public let width: Int
    public let style: TextStyle
    /// Whose commands hints name: the REPL's (`/topics`) or the shell's (`django-tutor list`).
    public var voice = CommandVoice.repl

    public enum CommandVoice: Sendable {
        case repl, shell
    }
    /// Body text hangs under the question, after `#35  `.
    static let indent = "     "

    public init(width: Int, style: TextStyle) {
        self.width = max(width, 20)
        self.style = style
    }

    var wrapper: TextWrapper { TextWrapper(width: width) }

    /// A hint's command in the voice of where the reader is.
    func command(repl: String, shell: String) -> String {
        voice == .repl ? repl : shell
    }
    var markdown: MarkdownText { MarkdownText(style: style, wrapper: wrapper) }

    /// `#35  What are select_related and prefetch_related?`, wrapped under the question.
    public func heading(_ entry: Entry) -> [String] {
        let number = "#\(entry.id)"
        let padded = number.padding(toLength: max(number.count + 2, Self.indent.count), withPad: " ", startingAt: 0)
        let first = style.accent(number) + String(padded.dropFirst(number.count))
        return wrapper.wrap(style.bold(entry.question), indent: Self.indent, firstIndent: first)
    }

    /// `Advanced · orm, queries, performance`.
    public func metadata(_ entry: Entry) -> String {
        let tags = entry.tags.isEmpty ? "" : " · " + entry.tags.joined(separator: ", ")
        return wrapper.wrap(entry.section + tags, indent: Self.indent).map(style.dim).joined(separator: "\n")
    }

    /// The whole entry: heading, section and tags, and the wrapped answer.
    public func entry(_ entry: Entry, emphasis: (String) -> String = { $0 }) -> String {
        var lines = heading(entry)
        lines.append(metadata(entry))
        lines += markdown.render(entry.answer, indent: Self.indent, emphasis: emphasis)
        return lines.joined(separator: "\n")
    }

    /// One line per entry, cut to the width: `#35  What are select_related…`.
    public func entryLine(_ entry: Entry, indent: String = "", suffix: String = "") -> String {
        let number = "#\(entry.id)"
        let gap = String(repeating: " ", count: max(2, Self.indent.count - number.count))
        let room = width - indent.count - number.count - gap.count - TextStyle.visibleWidth(suffix)
        return indent + style.accent(number) + gap + Self.truncate(entry.question, to: room) + suffix
    }

    public func entryList(_ entries: [Entry]) -> String {
        entries.map { entryLine($0) }.joined(separator: "\n")
    }

    /// Wraps a plain paragraph (messages, hints) to the width.
    public func paragraph(_ text: String, indent: String = "") -> String {
        wrapper.wrap(text, indent: indent).joined(separator: "\n")
    }

    /// Cuts `text` (unstyled) to `width` display columns, ending it with `…` when cut.
    /// `text` followed by spaces to `width` columns: the columns of a table line up whatever
    /// script their names are in.
    static func pad(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - TextStyle.visibleWidth(text)))
    }

    static func truncate(_ text: String, to width: Int) -> String {
        guard TextStyle.visibleWidth(text) > width else { return text }
        guard width > 1 else { return "…" }
        var result = ""
        var used = 0
        for character in text {
            let characterWidth = DisplayWidth.of(character)
            if used + characterWidth > width - 1 { break }
            result.append(character)
            used += characterWidth
        }
        return result + "…"
    }
}
