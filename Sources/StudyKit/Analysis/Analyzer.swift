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
                let folded = token.text.lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
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
        token.kind == .compound && (token.text.contains("_") || token.text.contains(".") || !token.text.contains("-"))
    }

    func normalize(_ token: Token) -> String? {
        var folded = token.text.lowercased()
        if folded.contains("\u{2019}") { folded = folded.replacingOccurrences(of: "\u{2019}", with: "'") }
        switch token.kind {
        case .compound, .cjk:
            return folded
        case .word, .part:
            if StopWords.english.contains(folded) {
                let isOperator = StopWords.operators.contains(folded) && token.text.allSatisfy(\.isUppercase)
                guard isOperator else { return nil }
                return folded
            }
            if folded.hasSuffix("'s") { folded.removeLast(2) }
            if folded.first?.isNumber == true { return folded }
            return stemmer.stem(AmericanSpelling.american(folded))
        }
    }
}
