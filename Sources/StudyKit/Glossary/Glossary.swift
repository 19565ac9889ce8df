/// Acronyms, synonyms and problem descriptions that widen a query towards the corpus's words
/// (`DRF` → Django REST Framework; "too many queries" → `select_related`, `prefetch_related`).
public struct Glossary: Sendable, Equatable {
    /// One line of the glossary: any trigger phrase adds the expansion's terms.
    public struct Rule: Sendable, Equatable {
        /// Each trigger as a sequence of phrase terms (`Analyzer.phraseTerms`).
        let triggers: [[String]]
        /// The triggers as written, for explanations.
        public let triggerText: [String]
        /// The expansion as written.
        public let expansionText: String
        let expansion: [AnalyzedTerm]
        /// 1-based line in the glossary file.
        public let line: Int
        /// From the `## Synonyms` section: the triggers mean the expansion itself, not a related
        /// feature, so an answer using them earns full credit.
        public let isSynonym: Bool
    }

    public let rules: [Rule]
    /// Terms of topics the corpus does not teach: they count as fully specific in a query even
    /// when they are everyday English words.
    let uncoveredTerms: Set<String>

    public static let empty = Glossary(rules: [], uncoveredTerms: [])

    /// Every phrase term of every trigger: words the spelling corrector must leave alone.
    var triggerVocabulary: Set<String> {
        Set(rules.flatMap { $0.triggers.joined() })
    }
}
