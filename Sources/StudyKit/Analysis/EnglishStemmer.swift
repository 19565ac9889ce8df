/// The Snowball English ("Porter2") stemmer, giving the same stems as `snowballstemmer` 3.1.1.
///
/// Queries and documents must reduce `queries`, `querying` and `query` to one term, and the fixture
/// test pins the output to the reference implementation. The word is stemmed in a stack buffer of
/// one byte per Unicode scalar, because the indexer stems every token of the whole corpus.
struct EnglishStemmer: Sendable {
    func stem(_ word: String) -> String {
        let byteCount = word.utf8.count
        if byteCount < 3 { return word }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: byteCount) { buffer in
            let base = buffer.baseAddress!
            var count = 0
            var others: [Unicode.Scalar] = []
            for byte in word.utf8 {
                if byte >= 0x80 {
                    count = -1
                    break
                }
                base[count] = byte
                count += 1
            }
            if count < 0 {
                count = 0
                for scalar in word.unicodeScalars {
                    if scalar.isASCII {
                        base[count] = UInt8(scalar.value)
                    } else {
                        base[count] = Self.otherScalar
                        others.append(scalar)
                    }
                    count += 1
                }
                if count < 3 { return word }
            }

            var stemmed = Word(start: base, count: count)
            stemmed.stem()

            let result = UnsafeBufferPointer(start: stemmed.start, count: stemmed.count)
            if others.isEmpty {
                return String(decoding: result, as: UTF8.self)
            }
            var scalars = String.UnicodeScalarView()
            var next = others.makeIterator()
            for byte in result {
                if byte == Self.otherScalar {
                    if let scalar = next.next() { scalars.append(scalar) }
                } else {
                    scalars.append(Unicode.Scalar(byte))
                }
            }
            return String(scalars)
        }
    }

    /// Stands in for any non-ASCII scalar: the rules treat it as a consonant and never remove it,
    /// so the original scalars can be put back in order afterwards.
    private static let otherScalar: UInt8 = 0xFF
}

private let lowerY = UInt8(ascii: "y")
private let upperY = UInt8(ascii: "Y")
private let apostrophe = UInt8(ascii: "'")

/// The word being stemmed, its regions R1 and R2 (as start offsets), and whether a `y` was
/// marked as a consonant `Y` that must be lowered again at the end.
private struct Word {
    var start: UnsafeMutablePointer<UInt8>
    var count: Int
    var r1 = 0
    var r2 = 0
    var markedY = false

    mutating func stem() {
        if applyException() { return }
        prelude()
        markRegions()
        step1a()
        step1b()
        step1c()
        step2()
        step3()
        step4()
        step5()
        if markedY {
            for i in 0..<count where start[i] == upperY { start[i] = lowerY }
        }
    }

    // MARK: Character classes

    private static func isVowel(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"),
            UInt8(ascii: "o"), UInt8(ascii: "u"), UInt8(ascii: "y"):
            return true
        default:
            return false
        }
    }

    /// Vowels plus `w`, `x` and `Y`: letters that cannot close a short syllable.
    private static func isVowelWXY(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "w"), UInt8(ascii: "x"), upperY: return true
        default: return isVowel(c)
        }
    }

    private static func isValidLIEnding(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "c"), UInt8(ascii: "d"), UInt8(ascii: "e"), UInt8(ascii: "g"),
            UInt8(ascii: "h"), UInt8(ascii: "k"), UInt8(ascii: "m"), UInt8(ascii: "n"),
            UInt8(ascii: "r"), UInt8(ascii: "t"):
            return true
        default:
            return false
        }
    }

    private static func isDouble(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "b"), UInt8(ascii: "d"), UInt8(ascii: "f"), UInt8(ascii: "g"),
            UInt8(ascii: "m"), UInt8(ascii: "n"), UInt8(ascii: "p"), UInt8(ascii: "r"),
            UInt8(ascii: "t"):
            return true
        default:
            return false
        }
    }

    // MARK: Matching

    private func ends(_ suffix: StaticString, at end: Int) -> Bool {
        let length = suffix.utf8CodeUnitCount
        guard end >= length else { return false }
        let bytes = suffix.utf8Start
        let offset = end - length
        for i in 0..<length where start[offset + i] != bytes[i] { return false }
        return true
    }

    private func ends(_ suffix: StaticString) -> Bool { ends(suffix, at: count) }

    private func begins(_ prefix: StaticString) -> Bool {
        prefix.utf8CodeUnitCount <= count && ends(prefix, at: prefix.utf8CodeUnitCount)
    }

    private func equals(_ other: StaticString) -> Bool {
        other.utf8CodeUnitCount == count && ends(other, at: count)
    }

    private func hasVowel(before end: Int) -> Bool {
        var i = 0
        while i < end {
            if Self.isVowel(start[i]) { return true }
            i += 1
        }
        return false
    }

    /// Whether the word up to `end` ends in a short syllable.
    private func endsShort(at end: Int) -> Bool {
        if end >= 3, !Self.isVowelWXY(start[end - 1]), Self.isVowel(start[end - 2]),
            !Self.isVowel(start[end - 3])
        {
            return true
        }
        if end == 2, !Self.isVowel(start[1]), Self.isVowel(start[0]) { return true }
        return ends("past", at: end)
    }

    // MARK: Editing

    private mutating func replace(from offset: Int, with text: StaticString) {
        let bytes = text.utf8Start
        for i in 0..<text.utf8CodeUnitCount { start[offset + i] = bytes[i] }
        count = offset + text.utf8CodeUnitCount
    }

    // MARK: Steps

    private mutating func applyException() -> Bool {
        switch count {
        case 3:
            return equals("sky")
        case 4:
            if equals("skis") {
                count = 3
                return true
            }
            if equals("idly") {
                count = 3
                return true
            }
            if equals("ugly") || equals("only") {
                start[3] = UInt8(ascii: "i")
                return true
            }
            return equals("news") || equals("howe") || equals("bias")
        case 5:
            if equals("skies") {
                replace(from: 2, with: "y")
                return true
            }
            if equals("early") {
                start[4] = UInt8(ascii: "i")
                return true
            }
            return equals("atlas") || equals("andes")
        case 6:
            if equals("gently") || equals("singly") {
                count = 5
                return true
            }
            return equals("cosmos")
        default:
            return false
        }
    }

    private mutating func prelude() {
        if start[0] == apostrophe {
            start += 1
            count -= 1
        }
        if count > 0, start[0] == lowerY {
            start[0] = upperY
            markedY = true
        }
        var i = 0
        while i + 1 < count {
            if Self.isVowel(start[i]), start[i + 1] == lowerY {
                start[i + 1] = upperY
                markedY = true
            }
            i += 1
        }
    }

    private mutating func markRegions() {
        r1 = count
        r2 = count
        var position: Int
        if begins("gener") || begins("inter") || begins("later") || begins("arsen")
            || begins("emerg") || begins("organ")
        {
            position = 5
        } else if begins("commun") {
            position = 6
        } else if begins("univers") {
            position = 7
        } else if begins("past") {
            position = 4
        } else {
            guard let end = endOfSyllable(from: 0) else { return }
            position = end
        }
        r1 = position
        guard let end = endOfSyllable(from: position) else { return }
        r2 = end
    }

    /// The offset just past the first non-vowel that follows a vowel, searching from `offset`.
    private func endOfSyllable(from offset: Int) -> Int? {
        var i = offset
        while i < count, !Self.isVowel(start[i]) { i += 1 }
        guard i < count else { return nil }
        i += 1
        while i < count, Self.isVowel(start[i]) { i += 1 }
        guard i < count else { return nil }
        return i + 1
    }

    private mutating func step1a() {
        if ends("'s'") {
            count -= 3
        } else if ends("'s") {
            count -= 2
        } else if ends("'") {
            count -= 1
        }

        if ends("sses") {
            count -= 2
        } else if ends("ied") || ends("ies") {
            let offset = count - 3
            replace(from: offset, with: offset >= 2 ? "i" : "ie")
        } else if ends("ss") || ends("us") {
            return
        } else if ends("s") {
            if count >= 3, hasVowel(before: count - 2) { count -= 1 }
        }
    }

    private mutating func step1b() {
        let suffixLength: Int
        if ends("eedly") {
            replaceEED(at: count - 5)
            return
        } else if ends("eed") {
            replaceEED(at: count - 3)
            return
        } else if ends("ingly") {
            suffixLength = 5
        } else if ends("edly") {
            suffixLength = 4
        } else if ends("ing") {
            if keepsING() { return }
            suffixLength = 3
        } else if ends("ed") {
            suffixLength = 2
        } else {
            return
        }

        let stemEnd = count - suffixLength
        guard hasVowel(before: stemEnd) else { return }
        count = stemEnd

        if ends("at") || ends("bl") || ends("iz") {
            replace(from: count, with: "e")
        } else if count >= 2, start[count - 1] == start[count - 2], Self.isDouble(start[count - 1]) {
            let c = start[0]
            let isShortAEO =
                count == 3
                && (c == UInt8(ascii: "a") || c == UInt8(ascii: "e") || c == UInt8(ascii: "o"))
            if !isShortAEO { count -= 1 }
        } else if count == r1, endsShort(at: count) {
            replace(from: count, with: "e")
        }
    }

    private mutating func replaceEED(at offset: Int) {
        guard offset >= r1 else { return }
        let isInvariant =
            (offset == 4 && (begins("succ") || begins("proc")))
            || (offset == 3 && begins("exc"))
        if !isInvariant { replace(from: offset, with: "ee") }
    }

    /// Handles `-ing` words that keep their form (`inning`, `evening`) or become `-ie` (`dying`).
    private mutating func keepsING() -> Bool {
        let stemEnd = count - 3
        if ends("y", at: stemEnd) {
            guard stemEnd == 2, !Self.isVowel(start[0]) else { return false }
            replace(from: 1, with: "ie")
            return true
        }
        switch stemEnd {
        case 3: return ends("inn", at: 3) || ends("out", at: 3)
        case 4: return ends("even", at: 4) || ends("cann", at: 4) || ends("earr", at: 4) || ends("herr", at: 4)
        default: return false
        }
    }

    private mutating func step1c() {
        guard count >= 3 else { return }
        let last = start[count - 1]
        if last == lowerY || last == upperY, !Self.isVowel(start[count - 2]) {
            start[count - 1] = UInt8(ascii: "i")
        }
    }

    private mutating func step2() {
        guard count >= 2 else { return }
        switch start[count - 1] {
        case UInt8(ascii: "i"):
            if ends("lessli") {
                replaceInR1(6, with: "less")
            } else if ends("biliti") {
                replaceInR1(6, with: "ble")
            } else if ends("fulli") {
                replaceInR1(5, with: "ful")
            } else if ends("ousli") {
                replaceInR1(5, with: "ous")
            } else if ends("entli") {
                replaceInR1(5, with: "ent")
            } else if ends("aliti") {
                replaceInR1(5, with: "al")
            } else if ends("iviti") {
                replaceInR1(5, with: "ive")
            } else if ends("anci") {
                replaceInR1(4, with: "ance")
            } else if ends("enci") {
                replaceInR1(4, with: "ence")
            } else if ends("abli") {
                replaceInR1(4, with: "able")
            } else if ends("alli") {
                replaceInR1(4, with: "al")
            } else if ends("bli") {
                replaceInR1(3, with: "ble")
            } else if ends("ogi") {
                let offset = count - 3
                if offset >= r1, offset >= 1, start[offset - 1] == UInt8(ascii: "l") { count -= 1 }
            } else if ends("li") {
                let offset = count - 2
                if offset >= r1, offset >= 1, Self.isValidLIEnding(start[offset - 1]) { count = offset }
            }
        case UInt8(ascii: "l"):
            if ends("ational") { replaceInR1(7, with: "ate") } else if ends("tional") { replaceInR1(6, with: "tion") }
        case UInt8(ascii: "m"):
            if ends("alism") { replaceInR1(5, with: "al") }
        case UInt8(ascii: "n"):
            if ends("ization") { replaceInR1(7, with: "ize") } else if ends("ation") { replaceInR1(5, with: "ate") }
        case UInt8(ascii: "r"):
            if ends("izer") { replaceInR1(4, with: "ize") } else if ends("ator") { replaceInR1(4, with: "ate") }
        case UInt8(ascii: "s"):
            if ends("iveness") {
                replaceInR1(7, with: "ive")
            } else if ends("fulness") {
                replaceInR1(7, with: "ful")
            } else if ends("ousness") {
                replaceInR1(7, with: "ous")
            }
        case UInt8(ascii: "t"):
            if ends("ogist") { replaceInR1(5, with: "og") }
        default:
            break
        }
    }

    private mutating func step3() {
        guard count >= 3 else { return }
        if ends("ational") {
            replaceInR1(7, with: "ate")
        } else if ends("tional") {
            replaceInR1(6, with: "tion")
        } else if ends("alize") {
            replaceInR1(5, with: "al")
        } else if ends("icate") || ends("iciti") {
            replaceInR1(5, with: "ic")
        } else if ends("ative") {
            let offset = count - 5
            if offset >= r1, offset >= r2 { count = offset }
        } else if ends("ical") {
            replaceInR1(4, with: "ic")
        } else if ends("ness") {
            replaceInR1(4, with: "")
        } else if ends("ful") {
            replaceInR1(3, with: "")
        }
    }

    private mutating func replaceInR1(_ suffixLength: Int, with text: StaticString) {
        let offset = count - suffixLength
        if offset >= r1 { replace(from: offset, with: text) }
    }

    private mutating func step4() {
        let suffixLength: Int
        if ends("ement") {
            suffixLength = 5
        } else if ends("ment") || ends("ance") || ends("ence") || ends("able") || ends("ible") {
            suffixLength = 4
        } else if ends("ion") {
            let offset = count - 3
            if offset >= r2, offset >= 1,
                start[offset - 1] == UInt8(ascii: "s") || start[offset - 1] == UInt8(ascii: "t")
            {
                count = offset
            }
            return
        } else if ends("ate") || ends("ive") || ends("ize") || ends("iti") || ends("ism")
            || ends("ous") || ends("ant") || ends("ent")
        {
            suffixLength = 3
        } else if ends("ic") || ends("al") || ends("er") {
            suffixLength = 2
        } else {
            return
        }
        let offset = count - suffixLength
        if offset >= r2 { count = offset }
    }

    private mutating func step5() {
        guard count >= 1 else { return }
        let offset = count - 1
        switch start[offset] {
        case UInt8(ascii: "e"):
            if offset >= r2 || (offset >= r1 && !endsShort(at: offset)) { count = offset }
        case UInt8(ascii: "l"):
            if offset >= r2, offset >= 1, start[offset - 1] == UInt8(ascii: "l") { count = offset }
        default:
            break
        }
    }
}
