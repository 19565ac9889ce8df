import Foundation

/// One row of the review log: every rating ever given, with the answer that earned it.
public struct StoredReview: Sendable, Equatable, Codable {
    public let id: Int64
    public let corpus: String
    public let entryID: Int
    public let time: Date
    public let rating: Rating
    /// The grade's score, or nil when the answer was revealed instead of typed.
    public let score: Int?
    public let answer: String
    /// The card's state before this rating (`new` for a first review): retention counts ratings
    /// of cards that were in review.
    public let stateBefore: CardState
}
