/// Decides whether the best hit answers the query or is merely the nearest thing in the corpus.
///
/// Cosine alone is fooled by queries whose only known word is common ("what is a python
/// decorator" matches on "python"), so the share of the query's information the corpus knows
/// counts too: each unknown word weighs as much as the rarest possible term.
struct MatchConfidence: Sendable, Equatable {
    var minimumScore: Double = 0.12
    var minimumCoverage: Double = 0.5

    func isConfident(bestScore: Double, coverage: Double) -> Bool {
        bestScore >= minimumScore && coverage >= minimumCoverage
    }
}
