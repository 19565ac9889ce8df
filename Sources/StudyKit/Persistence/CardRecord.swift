/// An entry's scheduling state as stored, with the counts that `/stats` and leech detection need.
public struct CardRecord: Sendable, Equatable, Codable {
    public var entryID: Int
    public var card: SchedulingCard
    /// Ratings given to this card (on the schedule; cram sessions do not count).
    public var reviews: Int
    /// Times the card was forgotten after it had graduated to review.
    public var lapses: Int

    /// Forgotten this often, an entry needs rewriting or another approach, not more drilling.
    public static let leechThreshold = 8

    public var isLeech: Bool { lapses >= Self.leechThreshold }

    /// The interval fuzz of an entry's next rating is drawn from this seed, so that the rating
    /// prompt's preview and the rating itself agree.
    static func fuzzGenerator(entryID: Int, reviews: Int) -> SeededGenerator {
        SeededGenerator(seed: UInt64(truncatingIfNeeded: entryID) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: reviews))
    }

    public init(entryID: Int, card: SchedulingCard, reviews: Int, lapses: Int) {
        self.entryID = entryID
        self.card = card
        self.reviews = reviews
        self.lapses = lapses
    }
}
