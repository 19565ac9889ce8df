/// The analysis pipeline shared by indexing, search and grading: tokenize → fold case → drop stop
/// words → American spelling → stem.
///
/// Indexing and querying must analyse text identically or terms would never meet, so there is one
/// analyser and every layer takes it from here. Code identifiers (`select_related`, `settings.py`)
/// are kept unstemmed; their parts and plain words are stemmed with Snowball English. Chinese,
/// Japanese and Korean text is indexed as the tokenizer's pairs of characters, as they are.
public struct Analyzer: Sendable {
    private let tokenizer = Tokenizer()
    private let stemmer = EnglishStemmer()

    public init() {}

    public func analyze(_ text: String) -> [AnalyzedTerm] {
        analyze(text, normalizing: normalize)
    }

    /// Words' normalised forms already computed: most of a corpus's words recur, and stemming
    /// each occurrence again is most of the cost of indexing it.
    struct Memo {
        fileprivate var words: [Substring: String?] = [:]
    }

    /// `analyze(_:)` for one text of many, remembering words' forms in `memo`.
    func analyze(_ text: String, memo: inout Memo) -> [AnalyzedTerm] {
        analyze(text) { token in
            guard token.kind == .word || token.kind == .part else { return normalize(token) }
            if let known = memo.words[token.text] { return known }
            let normalized = normalize(token)
            memo.words[token.text] = normalized
            return normalized
        }
    }

    private func analyze(_ text: String, normalizing normalize: (Token) -> String?) -> [AnalyzedTerm] {
        var terms: [AnalyzedTerm] = []
        for token in tokenizer.tokens(in: text) {
            if let term = normalize(token) {
                terms.append(
                    AnalyzedTerm(
                        term: term, surface: String(token.text), isIdentifier: Self.isIdentifier(token),
                        isPart: token.kind == .part))
            }
        }
        return terms
    }

    /// Words for phrase matching (glossary triggers): folded and stemmed like index terms, but
    /// with stop words kept and identifiers' parts left out, so "too many queries" stays a phrase.
    public func phraseTerms(_ text: String) -> [String] {
        tokenizer.tokens(in: text).compactMap { token in
            switch token.kind {
            case .part: return nil
            case .compound, .cjk: return normalize(token)
            case .word:
                let folded = Self.folded(token.text)
                return StopWords.english.contains(folded) ? folded : normalize(token)
            }
        }
    }

    /// The stem of one lower-cased word, in American spelling.
    func stem(_ word: String) -> String {
        stemmer.stem(AmericanSpelling.american(word))
    }

    /// The terms alone, for callers that need no surface forms.
    public func terms(_ text: String) -> [String] {
        analyze(text).map(\.term)
    }

    /// `select_related`, `settings.py`, `HttpRequest` are code; `class-based` and `one-to-many` are English.
    static func isIdentifier(_ token: Token) -> Bool {
        let bytes = token.text.utf8
        return token.kind == .compound && (bytes.contains(UInt8(ascii: "_")) || bytes.contains(UInt8(ascii: ".")) || !bytes.contains(UInt8(ascii: "-")))
    }

    /// Lower case with a typographic apostrophe made plain (`Django’s` → `django's`), by the
    /// standard library alone: Foundation's substring search costs more than the rest of analysis.
    static func folded(_ text: Substring) -> String {
        let lowered = text.lowercased()
        guard lowered.unicodeScalars.contains("\u{2019}") else { return lowered }
        return String(String.UnicodeScalarView(lowered.unicodeScalars.map { $0 == "\u{2019}" ? "'" : $0 }))
    }

    /// The words and whole identifiers of `text` as written, without their parts and the stop
    /// words analysis drops: the surfaces of `analyze`'s whole terms, without the cost of stemming.
    func wholeSurfaces(_ text: String) -> [String] {
        tokenizer.tokens(in: text).compactMap { token in
            token.kind == .part || isDropped(token, folded: Self.folded(token.text)) ? nil : String(token.text)
        }
    }

    /// A stop word, unless written as an operator (`OR`, `NOT`).
    private func isDropped(_ token: Token, folded: String) -> Bool {
        guard token.kind == .word || token.kind == .part, StopWords.english.contains(folded) else { return false }
        return !Self.isOperator(token, folded: folded)
    }

    /// A stop word written as an operator, which analysis keeps.
    private static func isOperator(_ token: Token, folded: String) -> Bool {
        StopWords.operators.contains(folded) && token.text.allSatisfy(\.isUppercase)
    }

    func normalize(_ token: Token) -> String? {
        var folded = Self.folded(token.text)
        switch token.kind {
        case .compound, .cjk:
            return folded
        case .word, .part:
            if StopWords.english.contains(folded) { return Self.isOperator(token, folded: folded) ? folded : nil }
            if folded.hasSuffix("'s") { folded.removeLast(2) }
            if folded.first?.isNumber == true { return folded }
            return stemmer.stem(AmericanSpelling.american(folded))
        }
    }
}
