/// One index term and the text it came from, so feedback can speak the learner's words, not stems.
public struct AnalyzedTerm: Equatable, Hashable, Sendable {
    /// The normalised form that is indexed and matched: lower-cased, stemmed unless a code identifier.
    public let term: String
    /// The text as written, e.g. `Queries` for the term `queri`.
    public let surface: String

    public init(term: String, surface: String) {
        self.term = term
        self.surface = surface
    }
}
