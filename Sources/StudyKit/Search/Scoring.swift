/// Which ranking function `ask` uses (`--scorer`).
public enum Scoring: Sendable, Equatable {
    /// Cosine of TF-IDF vectors, as scikit-learn computes them: the default.
    case tfidf
    /// Okapi BM25 with its two parameters.
    case bm25(k1: Double, b: Double)

    public static let bm25 = Scoring.bm25(k1: 1.2, b: 0.75)

    public var name: String {
        switch self {
        case .tfidf: "tfidf"
        case .bm25(let k1, let b): k1 == 1.2 && b == 0.75 ? "bm25" : "bm25(k1=\(k1), b=\(b))"
        }
    }
}
