/// How an entry becomes an indexed document: which fields count, and how much.
///
/// The question names the topic in the fewest words, so it weighs more than the answer; tags are
/// hand-picked topic words and count once. A whole code identifier (`post_save`) is stronger
/// evidence than its parts (`post`, `save`), so it counts `identifier` times wherever it occurs —
/// in documents and queries alike. Weights are whole numbers so a weighted document equals the plain
/// one with terms repeated, which is how the scikit-learn fixture checks it.
public struct EntryFields: Sendable, Equatable {
    public var question: Int
    public var tags: Int
    public var answer: Int
    public var identifier: Int

    public static let standard = EntryFields(question: 2, tags: 1, answer: 1, identifier: 2)

    public init(question: Int, tags: Int, answer: Int, identifier: Int) {
        self.question = question
        self.tags = tags
        self.answer = answer
        self.identifier = identifier
    }

    enum Field: String {
        case question, tags, answer
    }

    /// Each field's analysed terms with that field's weight.
    func analyzedFields(of entry: Entry, analyzer: Analyzer) -> [(field: Field, terms: [AnalyzedTerm], weight: Int)] {
        var memo = Analyzer.Memo()
        return analyzedFields(of: entry, analyzer: analyzer, memo: &memo)
    }

    /// `analyzedFields(of:analyzer:)` for one entry of many.
    func analyzedFields(of entry: Entry, analyzer: Analyzer, memo: inout Analyzer.Memo) -> [(field: Field, terms: [AnalyzedTerm], weight: Int)] {
        [
            (.question, analyzer.analyze(entry.question, memo: &memo), question),
            (.tags, entry.tags.flatMap { analyzer.analyze($0, memo: &memo) }, tags),
            (.answer, analyzer.analyze(entry.answer, memo: &memo), answer),
        ]
    }

    /// How many times one occurrence of `term` counts, before any field weight.
    func multiplicity(of term: AnalyzedTerm) -> Int {
        term.isIdentifier ? identifier : 1
    }

    /// Terms with each occurrence repeated by its multiplicity: a query's or a field's token list.
    func repeated(_ terms: [AnalyzedTerm], times weight: Int = 1) -> [String] {
        terms.flatMap { term in repeatElement(term.term, count: weight * multiplicity(of: term)) }
    }

    /// The document as one flat token list, each term repeated by its field weight and multiplicity:
    /// the input the scikit-learn fixture is computed from.
    public func repeatedTerms(of entry: Entry, analyzer: Analyzer) -> [String] {
        analyzedFields(of: entry, analyzer: analyzer).flatMap { repeated($0.terms, times: $0.weight) }
    }
}
