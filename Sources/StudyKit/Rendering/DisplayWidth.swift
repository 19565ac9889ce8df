/// How many terminal columns text takes, as terminals count them (wcwidth's rules):
/// East Asian Wide and Fullwidth characters and emoji shown as emoji take two; combining marks,
/// zero-width joiners, variation selectors and other format characters take none; the rest one.
///
/// Counted per grapheme cluster: the cluster's first scalar decides, and what joins it (marks,
/// ZWJ and the emoji after it, Hangul vowel and final jamo, skin tones) adds nothing, except that
/// VS16 (U+FE0F) asks for an emoji's two-column presentation.
enum DisplayWidth {
    static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        let width = of(first)
        if width == 1, first.properties.isEmoji, scalars.contains("\u{FE0F}") { return 2 }
        return width
    }

    /// Control characters (and bidirectional overrides) count as `TerminalSanitizer` shows them:
    /// `^[` takes two columns, `<U+202E>` eight. Newline and tab separate words and take none.
    static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        // Printable ASCII first: most text is nothing else, and wrapping measures every character.
        if (0x20..<0x7F).contains(value) { return 1 }
        if value == 0x0A || value == 0x09 { return 0 }
        if let shown = TerminalSanitizer.replacement(for: scalar) { return shown.unicodeScalars.count }
        if isZeroWidth(scalar) { return 0 }
        if isWide(value) || scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    private static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return true
        // Format characters (ZWJ, ZWSP, bidi marks) are invisible; a soft hyphen is shown.
        case .format: return scalar != "\u{AD}"
        case .control: return true
        default: return (0x1160...0x11FF).contains(scalar.value)  // Hangul medial vowels and final consonants
        }
    }

    /// Binary search of `wideRanges` (`DisplayWidth+Generated.swift`).
    private static func isWide(_ value: UInt32) -> Bool {
        guard value >= 0x1100 else { return false }
        var low = 0
        var high = wideRanges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = wideRanges[middle]
            if value < range.lowerBound {
                high = middle - 1
            } else if value > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }
}
