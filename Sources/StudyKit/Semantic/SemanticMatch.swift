/// How close a query comes in meaning to one entry: to the entry's own text (its question, its
/// answer), and to the closest of the ways learners ask for it (`Phrasings`), when it has any.
public struct SemanticMatch: Sendable, Equatable {
    public let textCosine: Double
    public let phrasingCosine: Double?
    /// What a phrasing's cosine counts less as evidence (`SemanticIndex.phrasingDiscount`).
    public let phrasingDiscount: Double
    /// Which of the entry's phrasings came closest (its place in `Phrasings.of(entry:)`).
    public let closestPhrasing: Int?

    public init(textCosine: Double, phrasingCosine: Double?, phrasingDiscount: Double, closestPhrasing: Int? = nil) {
        self.textCosine = textCosine
        self.phrasingCosine = phrasingCosine
        self.phrasingDiscount = phrasingDiscount
        self.closestPhrasing = closestPhrasing
    }

    /// What ranks the entry: the closer of the two.
    public var closeness: Double { max(textCosine, phrasingCosine ?? -1) }

    /// What says the corpus covers the query: a phrasing counts `phrasingDiscount` less, since
    /// questions resemble each other more than they resemble answers.
    public var evidence: Double { max(textCosine, discountedPhrasing) }

    /// The entry is closest to the query through how learners ask for it, not through its own text.
    public var isThroughPhrasing: Bool { (phrasingCosine ?? -1) > textCosine }

    /// The evidence is a phrasing's cosine, discounted: even so it beats the entry's own text.
    public var isEvidenceFromPhrasing: Bool { discountedPhrasing > textCosine }

    private var discountedPhrasing: Double { phrasingCosine.map { $0 - phrasingDiscount } ?? -1 }
}
