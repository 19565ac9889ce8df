/// One index term and the text it came from, so feedback can speak the learner's words, not stems.
public struct AnalyzedTerm: Equatable, Hashable, Sendable {
    /// The normalised form that is indexed and matched: lower-cased, stemmed unless a code identifier.
    public let term: String
    /// The text as written, e.g. `Queries` for the term `queri`.
    public let surface: String
    /// A whole code identifier (`select_related`), as opposed to a word, a part of one, or a
    /// hyphenated English compound (`class-based`).
    public let isIdentifier: Bool
    /// A piece of the compound just before it (`related` in `select_related`).
    public let isPart: Bool

    public init(term: String, surface: String, isIdentifier: Bool = false, isPart: Bool = false) {
        self.term = term
        self.surface = surface
        self.isIdentifier = isIdentifier
        self.isPart = isPart
    }
}
