/// One document in a term's postings list, with how often (field-weighted) the term occurs there.
struct Posting: Sendable, Equatable {
    let document: Int32
    let frequency: Double
}
