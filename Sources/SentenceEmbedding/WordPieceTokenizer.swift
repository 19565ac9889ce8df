import Foundation

/// BERT's uncased tokenizer as the model's Hugging Face tokenizer (tokenizer.json) runs it:
/// special tokens matched in the raw text, then BertNormalizer (control characters removed,
/// whitespace to spaces, CJK characters spaced, NFD with non-spacing marks removed, lower case),
/// BertPreTokenizer (split at whitespace and around punctuation), greedy longest-match WordPiece,
/// and [CLS] … [SEP] truncated to the model's max_seq_length as sentence-transformers does.
struct WordPieceTokenizer: Sendable {
    let vocabulary: Vocabulary
    let maxTokens: Int
    let maxCharactersPerWord: Int
    let unknownID: Int
    let classifierID: Int
    let separatorID: Int
    /// Tokens matched verbatim in the raw text before normalisation (tokenizer.json's added tokens).
    private let specialTokens: [(bytes: [UInt8], id: Int)]

    static let specialTokenNames = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]

    /// Nil when the vocabulary lacks one of BERT's special tokens.
    init?(vocabulary: Vocabulary, maxTokens: Int, maxCharactersPerWord: Int = 100) {
        var specials: [(bytes: [UInt8], id: Int)] = []
        for name in Self.specialTokenNames {
            guard let id = vocabulary.id(of: name) else { return nil }
            specials.append((Array(name.utf8), id))
        }
        self.vocabulary = vocabulary
        self.maxTokens = maxTokens
        self.maxCharactersPerWord = maxCharactersPerWord
        unknownID = vocabulary.id(of: "[UNK]")!
        classifierID = vocabulary.id(of: "[CLS]")!
        separatorID = vocabulary.id(of: "[SEP]")!
        specialTokens = specials
    }

    /// Whether the piece holds a letter or a digit: a word or part of one, not punctuation or a
    /// special token.
    func isWordPiece(_ id: Int) -> Bool {
        !specialTokens.contains { $0.id == id }
            && vocabulary.token(id).unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }
    }

    /// The model's input: [CLS], at most maxTokens - 2 word pieces, [SEP].
    func tokenIDs(_ text: String) -> [Int] {
        let limit = maxTokens - 2
        var ids: [Int] = []
        // A pasted page needs only its beginning: every word gives at least one piece.
        for chunk in Self.chunks(of: text) where ids.count < limit {
            ids += wordPieceIDs(chunk)
        }
        return [classifierID] + ids.prefix(limit) + [separatorID]
    }

    /// The text cut at ASCII spaces after every `size` bytes or so. A space is whitespace before and
    /// after normalisation and starts a new combining sequence, so the pieces of the chunks are the
    /// pieces of the text.
    static func chunks(of text: String, size: Int = 2048) -> [Substring] {
        let scalars = text.unicodeScalars
        var chunks: [Substring] = []
        var start = scalars.startIndex
        while start < scalars.endIndex {
            var end = scalars.index(start, offsetBy: size, limitedBy: scalars.endIndex) ?? scalars.endIndex
            while end < scalars.endIndex && scalars[end] != " " { scalars.formIndex(after: &end) }
            chunks.append(Substring(scalars[start..<end]))
            start = end
        }
        return chunks
    }

    func wordPieceIDs(_ text: String) -> [Int] {
        wordPieceIDs(text[...])
    }

    /// Word-piece ids of the whole text, special tokens in it included, without [CLS], [SEP] or truncation.
    func wordPieceIDs(_ text: Substring) -> [Int] {
        var ids: [Int] = []
        for segment in splitAtSpecialTokens(text) {
            switch segment {
            case .special(let id):
                ids.append(id)
            case .text(let text):
                for word in Self.basicTokens(text) { appendWordPieces(of: word, to: &ids) }
            }
        }
        return ids
    }

    private enum Segment {
        case text(Substring)
        case special(Int)
    }

    private func splitAtSpecialTokens(_ text: Substring) -> [Segment] {
        let bytes = text.utf8
        guard bytes.contains(UInt8(ascii: "[")) else { return [.text(text)] }
        // Slices through the scalar view: a String slice would round to a Character boundary, and
        // a combining mark right after "]" shares the bracket's Character.
        let scalars = text.unicodeScalars
        var segments: [Segment] = []
        var segmentStart = bytes.startIndex
        var index = bytes.startIndex
        outer: while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "[") {
                for special in specialTokens where bytes[index...].starts(with: special.bytes) {
                    if segmentStart < index { segments.append(.text(Substring(scalars[segmentStart..<index]))) }
                    segments.append(.special(special.id))
                    index = bytes.index(index, offsetBy: special.bytes.count)
                    segmentStart = index
                    continue outer
                }
            }
            bytes.formIndex(after: &index)
        }
        if segmentStart < bytes.endIndex { segments.append(.text(Substring(scalars[segmentStart...]))) }
        return segments
    }

    /// Greedy longest match from the left; a word longer than maxCharactersPerWord (in Unicode
    /// scalars) or with any part that matches nothing is one [UNK].
    private func appendWordPieces(of word: [Unicode.Scalar], to ids: inout [Int]) {
        guard word.count <= maxCharactersPerWord else {
            ids.append(unknownID)
            return
        }
        var bytes: [UInt8] = []
        var boundaries = [0]  // where each scalar starts in bytes, then the end
        for scalar in word {
            UTF8.encode(scalar) { bytes.append($0) }
            boundaries.append(bytes.count)
        }
        var piece: [UInt8] = []
        var pieces: [Int] = []
        var start = 0
        while start < word.count {
            var end = word.count
            var match: Int?
            while start < end {
                piece.removeAll(keepingCapacity: true)
                if start > 0 { piece.append(contentsOf: "##".utf8) }
                piece.append(contentsOf: bytes[boundaries[start]..<boundaries[end]])
                match = piece.withUnsafeBufferPointer { vocabulary.id(of: $0) }
                if match != nil { break }
                end -= 1
            }
            guard let id = match else {
                ids.append(unknownID)
                return
            }
            pieces.append(id)
            start = end
        }
        ids.append(contentsOf: pieces)
    }

    // MARK: Normalisation and pre-tokenisation

    /// The words BertNormalizer and BertPreTokenizer make of a text, as Unicode scalars.
    static func basicTokens(_ text: Substring) -> [[Unicode.Scalar]] {
        var cleaned = String.UnicodeScalarView()
        var ascii = true
        for scalar in text.unicodeScalars {
            if scalar.value == 0 || scalar.value == 0xFFFD || isControl(scalar) { continue }
            if isWhitespace(scalar) {
                cleaned.append(" ")
            } else if isChineseCharacter(scalar) {
                cleaned.append(" ")
                cleaned.append(scalar)
                cleaned.append(" ")
            } else {
                ascii = ascii && scalar.isASCII
                cleaned.append(scalar)
            }
        }
        // Accents stripped (NFD, then non-spacing marks dropped) before lower-casing, as the Rust
        // normaliser orders it; an ASCII text has nothing to decompose.
        let decomposed = ascii ? String(cleaned) : String(cleaned).decomposedStringWithCanonicalMapping
        var words: [[Unicode.Scalar]] = []
        var word: [Unicode.Scalar] = []
        func endWord() {
            if !word.isEmpty { words.append(word) }
            word.removeAll(keepingCapacity: true)
        }
        for scalar in decomposed.unicodeScalars {
            if !ascii && scalar.properties.generalCategory == .nonspacingMark { continue }
            // Per scalar, like Rust's char::to_lowercase: no final-sigma rule.
            for lower in lowercased(scalar) {
                if isWhitespace(lower) {
                    endWord()
                } else if isPunctuation(lower) {
                    endWord()
                    words.append([lower])
                } else {
                    word.append(lower)
                }
            }
        }
        endWord()
        return words
    }

    private static func lowercased(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        if scalar.isASCII {
            let value = scalar.value
            return [(65...90).contains(value) ? Unicode.Scalar(value + 32)! : scalar]
        }
        return Array(scalar.properties.lowercaseMapping.unicodeScalars)
    }

    /// Rust's `char::is_whitespace` (the White_Space property), plus tab, newline and return.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar.properties.isWhitespace
    }

    /// The tokenizer's `is_other`: control, format, unassigned, private use and surrogate; tab,
    /// newline and return are whitespace instead.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "\t" || scalar == "\n" || scalar == "\r" { return false }
        if scalar.isASCII { return scalar.value < 0x20 || scalar.value == 0x7F }
        switch scalar.properties.generalCategory {
        case .control, .format, .unassigned, .privateUse, .surrogate: return true
        default: return false
        }
    }

    /// ASCII punctuation (which includes symbols such as $, +, <, ^, `, | and ~) and every Unicode P* category.
    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 128 {
            return (33...47).contains(value) || (58...64).contains(value) || (91...96).contains(value)
                || (123...126).contains(value)
        }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    /// The CJK Unified Ideograph blocks BERT spaces out (not Japanese kana or Korean Hangul).
    static func isChineseCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2B73F, 0x2B740...0x2B81F,
            0x2B920...0x2CEAF, 0xF900...0xFAFF, 0x2F800...0x2FA1F:
            return true
        default:
            return false
        }
    }
}
