import Foundation

/// The scheduling state of one card: py-fsrs's `Card` without its id.
public struct SchedulingCard: Sendable, Equatable, Hashable, Codable {
    public var state: CardState
    /// The current learning or relearning step (an index into the scheduler's
    /// steps); `nil` in the review state. A new card is at step 0.
    public var step: Int?
    /// FSRS stability in days; `nil` until the first review.
    public var stability: Double?
    /// FSRS difficulty, 1...10; `nil` until the first review.
    public var difficulty: Double?
    /// When the card is next due.
    public var due: Date
    /// When the card was last reviewed; `nil` if never.
    public var lastReview: Date?

    public init(
        state: CardState,
        step: Int?,
        stability: Double?,
        difficulty: Double?,
        due: Date,
        lastReview: Date?
    ) {
        self.state = state
        self.step = step
        self.stability = stability
        self.difficulty = difficulty
        self.due = due
        self.lastReview = lastReview
    }

    /// A never-reviewed card, due at `due` (usually when it was created).
    public static func new(due: Date) -> SchedulingCard {
        SchedulingCard(state: .new, step: 0, stability: nil, difficulty: nil, due: due, lastReview: nil)
    }
}
