/// Decides whether the best hit answers the query or is merely the nearest thing in the corpus.
///
/// Two signals, tuned on a labelled query set (docs/retrieval-quality.md): the best hit's score,
/// normalised to 0...1; and whether the query names a topic the corpus does not teach (the
/// glossary's "Not covered" words, e.g. "celery", "promises"), which vetoes confidence unless the
/// best entry covers nearly all of the query's information. Bag-of-words scores alone cannot tell
/// "how do I center a div in css" from a question about static files.
public struct MatchConfidence: Sendable, Equatable {
    public var minimumScore: Double
    /// The coverage a query naming a foreign topic needs to be answered confidently anyway.
    public var foreignTopicCoverage: Double

    public init(minimumScore: Double = 0.14, foreignTopicCoverage: Double = 0.8) {
        self.minimumScore = minimumScore
        self.foreignTopicCoverage = foreignTopicCoverage
    }

    public func isConfident(bestScore: Double, coverage: Double, foreignTopics: Int) -> Bool {
        bestScore >= minimumScore && (foreignTopics == 0 || coverage >= foreignTopicCoverage)
    }
}
