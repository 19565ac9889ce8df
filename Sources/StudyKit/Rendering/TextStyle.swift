/// ANSI styling that disappears entirely when colour is off (piped output, `NO_COLOR`, `--no-color`).
public struct TextStyle: Sendable, Equatable {
    public let usesColor: Bool

    public static let plain = TextStyle(usesColor: false)
    public static let color = TextStyle(usesColor: true)

    public init(usesColor: Bool) { self.usesColor = usesColor }

    public func bold(_ text: String) -> String { wrap(text, "1") }
    public func dim(_ text: String) -> String { wrap(text, "2") }
    /// Entry numbers and other things a learner can type back.
    public func accent(_ text: String) -> String { wrap(text, "36") }
    public func code(_ text: String) -> String { wrap(text, "33") }
    public func good(_ text: String) -> String { wrap(text, "32") }
    public func bad(_ text: String) -> String { wrap(text, "31") }
    /// Missed key terms in a reference answer. Without colour they are starred instead, because
    /// the mark carries information, not decoration.
    public func highlight(_ text: String) -> String { usesColor ? wrap(text, "1;4;31") : "*\(text)*" }

    private func wrap(_ text: String, _ code: String) -> String {
        usesColor && !text.isEmpty ? Self.sequence(code) + text + Self.reset : text
    }

    private static func sequence(_ code: String) -> String { "\u{1B}[\(code)m" }

    static let reset = sequence("0")
    /// Every escape sequence the methods above emit: the only ones `TerminalSanitizer` lets through.
    static let sequences = ["1", "2", "36", "33", "32", "31", "1;4;31", "0"].map(sequence)

    /// The number of terminal columns `text` occupies once it passes `TerminalSanitizer` (see
    /// `DisplayWidth`): our own style sequences take none; any other escape is shown as `^[…`.
    static func visibleWidth(_ text: String) -> Int {
        guard text.contains("\u{1B}") else { return text.reduce(0) { $0 + DisplayWidth.of($1) } }
        var width = 0
        var rest = Substring(text)
        while let character = rest.first {
            if character == "\u{1B}", let style = sequences.first(where: { rest.hasPrefix($0) }) {
                rest = rest.dropFirst(style.count)
                continue
            }
            width += DisplayWidth.of(character)
            rest = rest.dropFirst()
        }
        return width
    }
}
