/// A term that characterises an entry, with the word a person would recognise.
public struct KeyTerm: Sendable, Equatable {
    public let term: String
    /// The corpus's usual spelling of the term (`queries` for `queri`).
    public let surface: String
    /// The term's TF-IDF weight in the entry.
    public let weight: Double
}
