/// How well a typed answer covers an entry's reference answer.
public struct Grade: Sendable, Equatable {
    public let entryID: Int
    /// 0–100: the share of the reference's key-term weight the answer covers.
    public let score: Int
    /// Key terms the answer used, in the learner's own spelling.
    public let covered: [String]
    /// Key terms the answer left out, as the reference spells them.
    public let missed: [String]
    /// The analysed forms of `missed`, for highlighting them in the reference.
    public let missedTerms: Set<String>
    /// The share of the reference's key-term weight covered, 0...1.
    public var recall: Double = 0
    /// The share of the answer's own information that belongs to this entry, 0...1.
    public var precision: Double = 0

    /// The self-rating the score suggests; the learner may pick another.
    public var suggestedRating: Rating {
        switch score {
        case ..<20: .again
        case ..<45: .hard
        case ..<80: .good
        default: .easy
        }
    }
}
