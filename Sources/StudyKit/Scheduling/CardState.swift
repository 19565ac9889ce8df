/// Where a card is in its FSRS life cycle.
///
/// `learning`, `review` and `relearning` are py-fsrs's `State.Learning`,
/// `State.Review` and `State.Relearning`. py-fsrs has no separate state for a
/// card that was never reviewed: its fresh `Card()` is `Learning` at step 0
/// with no stability or difficulty. Here such a card is `new`; the scheduler
/// treats it exactly like py-fsrs's fresh card, and after its first review it
/// is `learning` or (rated easy) `review`, never `new` again.
public enum CardState: String, Sendable, Codable, CaseIterable, Hashable {
    /// Never reviewed.
    case new
    /// Working through the learning steps after the first review.
    case learning
    /// Graduated: scheduled in whole days from its stability.
    case review
    /// Forgotten in review (rated again) and working through the relearning steps.
    case relearning
}

extension CardState {
    /// In a learning or relearning step: due again within minutes, not days.
    public var isLearning: Bool { self == .learning || self == .relearning }
}
