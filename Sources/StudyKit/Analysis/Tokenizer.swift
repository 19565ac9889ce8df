/// Splits technical prose into words, keeping code identifiers whole and also yielding their parts.
///
/// Learners type `select_related`, `select related` or `selectRelated`; indexing the identifier
/// and its parts lets each spelling meet the others. Word characters are letters, digits and `_`;
/// `.`, `-` and apostrophes join two word characters into one token (`settings.py`, `django-admin`,
/// `what's`); everything else separates (`{% extends %}` → `extends`, `form_valid()` → `form_valid`).
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
            let start = index
            var joined = scalars[index] == "_"
            var hasInnerUppercase = false
            scalars.formIndex(after: &index)
            var wordEnd = index
            while index < end {
                let scalar = scalars[index]
                if Self.isWordCharacter(scalar) {
                    if scalar == "_" { joined = true }
                    if scalar.properties.isUppercase { hasInnerUppercase = true }
                    scalars.formIndex(after: &index)
                    wordEnd = index
                } else if Self.isJoiner(scalar) {
                    let next = scalars.index(after: index)
                    guard next < end, Self.isWordCharacter(scalars[next]) else { break }
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
                if let pieceStart = start, let previous, scalar.properties.isUppercase {
                    let lowerToUpper = previous.properties.isLowercase || previous.properties.numericType != nil
                    let acronymEnd =
                        previous.properties.isUppercase && next < scalars.endIndex
                        && scalars[next].properties.isLowercase
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

    private static func isJoiner(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "." || scalar == "-" || isApostrophe(scalar)
    }

    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "\u{2019}"
    }
}
