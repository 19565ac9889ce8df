/// Why a score is what it is, as a tree a person can read (after Lucene's `Explanation`): a
/// value, what it is, and the values it was computed from.
public struct Explanation: Sendable, Equatable {
    public let value: Double
    public let description: String
    public let details: [Explanation]

    public init(value: Double, description: String, details: [Explanation] = []) {
        self.value = value
        self.description = description
        self.details = details
    }
}
