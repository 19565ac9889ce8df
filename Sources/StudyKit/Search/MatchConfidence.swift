/// Decides whether the best hit answers the query or is merely the nearest thing in the corpus.
///
/// Cosine alone is fooled by queries whose only matching word is common ("what is a python
/// decorator" matches on "python"), so the share of the query's information the best entry
/// contains counts too: an unknown word weighs as much as the rarest possible term, unless it is
/// everyday English ("honestly").
public struct MatchConfidence: Sendable, Equatable {
    public var minimumScore: Double
    public var minimumCoverage: Double

    public init(minimumScore: Double = 0.12, minimumCoverage: Double = 0.5) {
        self.minimumScore = minimumScore
        self.minimumCoverage = minimumCoverage
    }

    public func isConfident(bestScore: Double, coverage: Double) -> Bool {
        bestScore >= minimumScore && coverage >= minimumCoverage
    }
}
