/// Splits technical prose into words, keeping code identifiers whole and also yielding their parts.
///
/// Learners type `select_related`, `select related` or `selectRelated`; indexing the identifier
/// and its parts lets each spelling meet the others. Word characters are letters, digits and `_`;
/// `.`, `-` and apostrophes join two word characters into one token (`settings.py`, `django-admin`,
/// `what's`); everything else separates (`{% extends %}` → `extends`, `form_valid()` → `form_valid`).
///
/// Chinese, Japanese and Korean are written without spaces, so a run of Han, Hiragana, Katakana
/// or Hangul is not one word: as Lucene's `CJKAnalyzer` does, it becomes its overlapping pairs of
/// characters (`数据库迁移` → `数据`, `据库`, `库迁`, `迁移`), and a lone character stays itself. A
/// query's pairs then meet the same pairs wherever the text holds the phrase. Such a run also
/// ends a Latin word (`Django模型` → `Django`, `模型`).
struct Tokenizer: Sendable {
    func tokens(in text: String) -> [Token] {
        var result: [Token] = []
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        let end = scalars.endIndex
        while index < end {
            guard Self.isWordCharacter(scalars[index]) else {
                scalars.formIndex(after: &index)
                continue
            }
            if Self.isCJK(scalars[index]) {
                let start = index
                while index < end, Self.isCJK(scalars[index]) { scalars.formIndex(after: &index) }
                result += Self.bigrams(of: text[start..<index])
                continue
            }
            let start = index
            var joined = scalars[index] == "_"
            var hasInnerUppercase = false
            scalars.formIndex(after: &index)
            var wordEnd = index
            while index < end {
                let scalar = scalars[index]
                if Self.isCJK(scalar) {
                    break
                } else if Self.isWordCharacter(scalar) {
                    if scalar == "_" { joined = true }
                    if Self.isUppercase(scalar) { hasInnerUppercase = true }
                    scalars.formIndex(after: &index)
                    wordEnd = index
                } else if Self.isJoiner(scalar) {
                    let next = scalars.index(after: index)
                    guard next < end, Self.isWordCharacter(scalars[next]), !Self.isCJK(scalars[next]) else { break }
                    if !Self.isApostrophe(scalar) { joined = true }
                    index = next
                } else {
                    break
                }
            }
            index = wordEnd
            let word = text[start..<wordEnd]
            // A plural acronym ("APIs", "URLs") is a word, not "AP" + "Is".
            if hasInnerUppercase, !joined, Self.isPluralAcronym(word) { hasInnerUppercase = false }
            let parts = joined || hasInnerUppercase ? Self.parts(of: word) : []
            if parts.count > 1 || (joined && !parts.isEmpty) {
                result.append(Token(text: word, kind: .compound))
                for part in parts { result.append(Token(text: part, kind: .part)) }
            } else {
                result.append(Token(text: word, kind: .word))
            }
        }
        return result
    }

    /// A run of CJK characters as its overlapping pairs of characters, or the one character alone.
    static func bigrams(of run: Substring) -> [Token] {
        let scalars = run.unicodeScalars
        var index = scalars.startIndex
        let second = scalars.index(after: index)
        guard second < scalars.endIndex else { return [Token(text: run, kind: .cjk)] }
        var result: [Token] = []
        var next = second
        while next < scalars.endIndex {
            let after = scalars.index(after: next)
            result.append(Token(text: run[index..<after], kind: .cjk))
            index = next
            next = after
        }
        return result
    }

    /// Han (with its iteration marks), Hiragana, Katakana (with the half-width forms) and Hangul
    /// (syllables and jamo): the scripts Lucene's `CJKBigramFilter` pairs. Only letters count, so
    /// CJK punctuation (`。`, `、`, `・`) still separates.
    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0000..<0x1100: return false
        case 0x1100...0x11FF,  // Hangul Jamo
            0x2E80...0x2FDF,  // CJK radicals, Kangxi radicals
            0x3005...0x3007, 0x3021...0x3029, 0x3038...0x303C,  // iteration marks, Hangzhou numerals
            0x3041...0x30FF,  // Hiragana, Katakana
            0x3130...0x318F,  // Hangul compatibility jamo
            0x31F0...0x31FF,  // Katakana phonetic extensions
            0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF,  // Han
            0xA960...0xA97F, 0xAC00...0xD7FF,  // Hangul jamo extended, syllables
            0xFF66...0xFF9F, 0xFFA0...0xFFDC,  // half-width Katakana and Hangul
            0x1B000...0x1B16F,  // Kana supplement and extended
            0x20000...0x323AF:  // Han extensions
            return isWordCharacter(scalar)
        default: return false
        }
    }

    /// Pieces between `_`, `.`, `-`, and at camel-case boundaries (`HTTPRequest` → `HTTP`, `Request`).
    static func parts(of text: Substring) -> [Substring] {
        var parts: [Substring] = []
        let scalars = text.unicodeScalars
        var start: Substring.UnicodeScalarView.Index?
        var previous: Unicode.Scalar?
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            if scalar == "_" || scalar == "." || scalar == "-" || isApostrophe(scalar) {
                if let pieceStart = start { parts.append(text[pieceStart..<index]) }
                start = nil
                previous = nil
            } else {
                if let pieceStart = start, let previous, isUppercase(scalar) {
                    let lowerToUpper = isLowercase(previous) || isNumeric(previous)
                    let acronymEnd =
                        isUppercase(previous) && next < scalars.endIndex
                        && isLowercase(scalars[next])
                    if lowerToUpper || acronymEnd {
                        parts.append(text[pieceStart..<index])
                        start = index
                    }
                }
                if start == nil { start = index }
                previous = scalar
            }
            index = next
        }
        if let pieceStart = start { parts.append(text[pieceStart..<text.endIndex]) }
        return parts
    }

    static func isPluralAcronym(_ word: Substring) -> Bool {
        guard word.count >= 3, word.last == "s" else { return false }
        return word.dropLast().allSatisfy { $0.isUppercase }
    }

    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A)
                || (value >= 0x30 && value <= 0x39) || value == 0x5F
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// Unicode's properties with an ASCII fast path: looking a property up costs more than the
    /// rest of tokenizing, and most of a technical text is ASCII.
    private static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? (0x41...0x5A).contains(scalar.value) : scalar.properties.isUppercase
    }

    private static func isLowercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? (0x61...0x7A).contains(scalar.value) : scalar.properties.isLowercase
    }

    private static func isNumeric(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? (0x30...0x39).contains(scalar.value) : scalar.properties.numericType != nil
    }

    private static func isJoiner(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "." || scalar == "-" || isApostrophe(scalar)
    }

    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "\u{2019}"
    }
}
