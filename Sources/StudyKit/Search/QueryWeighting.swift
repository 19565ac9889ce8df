/// How a query's typed words are weighted before scoring.
public enum QueryWeighting: Sendable, Equatable {
    /// Raw counts, as scikit-learn's `TfidfVectorizer.transform` does: the fixture checks this.
    case termCounts
    /// Counts damped for everyday English words (`EnglishFrequency`), down to half: the default,
    /// because in a small corpus "friend" or "honestly" would otherwise weigh like a topic.
    case englishPrior
}
