/// A term of a document's forward list: which term, and its field-weighted frequency.
struct TermFrequency: Sendable, Equatable {
    let term: Int32
    let frequency: Double
}
