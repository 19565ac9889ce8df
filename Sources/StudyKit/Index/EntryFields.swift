/// How an entry becomes an indexed document: which fields count, and how much.
///
/// The question names the topic in the fewest words, so it weighs more than the answer; tags are
/// hand-picked topic words and count once. Weights are whole numbers so a weighted document equals
/// the plain one with the question repeated, which is how the scikit-learn fixture checks it.
public struct EntryFields: Sendable, Equatable {
    public var question: Int
    public var tags: Int
    public var answer: Int

    public static let standard = EntryFields(question: 2, tags: 1, answer: 1)

    public init(question: Int, tags: Int, answer: Int) {
        self.question = question
        self.tags = tags
        self.answer = answer
    }

    /// Each field's analysed terms with that field's weight.
    func analyzedFields(of entry: Entry, analyzer: Analyzer) -> [(terms: [AnalyzedTerm], weight: Int)] {
        [
            (analyzer.analyze(entry.question), question),
            (entry.tags.flatMap { analyzer.analyze($0) }, tags),
            (analyzer.analyze(entry.answer), answer),
        ]
    }

    /// The document as one flat token list, each field's terms repeated by its weight: the input
    /// the scikit-learn fixture is computed from.
    public func repeatedTerms(of entry: Entry, analyzer: Analyzer) -> [String] {
        analyzedFields(of: entry, analyzer: analyzer).flatMap { field in
            (0..<field.weight).flatMap { _ in field.terms.map(\.term) }
        }
    }
}
