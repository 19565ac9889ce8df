/// An entry near another, with the shared key term and the sentence where the near entry uses it.
public struct RelatedEntry: Sendable, Equatable {
    public let hit: SearchHit
    public let term: String?
    public let snippet: String?

    public init(hit: SearchHit, term: String?, snippet: String?) {
        self.hit = hit
        self.term = term
        self.snippet = snippet
    }
}
