/// The one gate between text and a terminal: control characters from corpora, queries, paths and
/// stored answers are shown visibly (`^[`, `^M`, `^@`, `<U+009B>`) instead of being obeyed.
///
/// Newlines (also CR LF) and tabs pass. So do the styling sequences `TextStyle` emits, but only when the caller
/// keeps styles (a terminal with colour): they are the only escape sequences this program means
/// to send. A corpus can therefore at most imitate one of our own colours, never move the cursor,
/// clear the screen, set the window title or hide text; and a style it leaves open is closed.
public enum TerminalSanitizer {
    public static func sanitize(_ text: String, keepingStyles: Bool) -> String {
        guard needsWork(text) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var styleOpen = false
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\u{1B}", keepingStyles, let length = styleSequenceLength(in: scalars, at: index) {
                let sequence = String(String.UnicodeScalarView(scalars[index..<index + length]))
                result += sequence
                styleOpen = sequence != TextStyle.reset
                index += length
                continue
            }
            // CR LF ends a CSV record (RFC 4180); a lone CR could overwrite what is already shown.
            if scalar == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" {
                result += "\r\n"
                index += 2
                continue
            }
            if let shown = replacement(for: scalar) { result += shown } else { result.unicodeScalars.append(scalar) }
            index += 1
        }
        if styleOpen { result += TextStyle.reset }
        return result
    }

    /// A control character as caret notation (`cat -v`'s form for C0 and DEL), or as its code point
    /// for the C1 controls terminals also obey and for the bidirectional embeddings, overrides and
    /// isolates, which reorder the text shown after them (the "Trojan Source" trick); nil for any
    /// other character, which passes as itself.
    static func replacement(for scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x0A, 0x09: nil
        case 0x00...0x1F: "^" + String(Unicode.Scalar(UInt8(scalar.value + 0x40)))
        case 0x7F: "^?"
        case 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069: "<U+" + hex(scalar.value) + ">"
        default: nil
        }
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// The length of a `TextStyle` sequence starting at `index`, or nil when it is anything else.
    private static func styleSequenceLength(in scalars: [Unicode.Scalar], at index: Int) -> Int? {
        for sequence in TextStyle.sequences {
            let candidate = Array(sequence.unicodeScalars)
            if index + candidate.count <= scalars.count, Array(scalars[index..<index + candidate.count]) == candidate {
                return candidate.count
            }
        }
        return nil
    }

    /// Most text has no control character at all: checked on bytes, so it costs one pass.
    private static func needsWork(_ text: String) -> Bool {
        var beforePrevious: UInt8 = 0
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte < 0x20 && byte != 0x0A && byte != 0x09 { return true }
            if byte == 0x7F { return true }
            // C1 controls are U+0080...U+009F, encoded as C2 80...C2 9F.
            if previous == 0xC2 && (0x80...0x9F).contains(byte) { return true }
            // Bidirectional controls are U+202A...U+202E (E2 80 AA...AE) and U+2066...U+2069 (E2 81 A6...A9).
            if beforePrevious == 0xE2 && previous == 0x80 && (0xAA...0xAE).contains(byte) { return true }
            if beforePrevious == 0xE2 && previous == 0x81 && (0xA6...0xA9).contains(byte) { return true }
            beforePrevious = previous
            previous = byte
        }
        return false
    }
}
