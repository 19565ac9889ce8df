import Foundation

/// Decides which question the quiz puts next and hears how each one went.
///
/// The quiz knows nothing of scheduling: a shuffled deck and a spaced-repetition scheduler are
/// both plans, and the session works with either.
public protocol StudyPlan {
    /// The next entry to ask among `candidates` (the quiz scope, in corpus order), or nil when
    /// nothing in scope is to be asked now.
    mutating func nextEntry(from candidates: [Entry], now: Date) -> Entry?

    /// Records the learner's rating of one answer and returns when the entry is due again, for
    /// plans that schedule.
    mutating func record(_ review: Review) -> Date?
}

/// One rated answer.
public struct Review: Sendable, Equatable {
    public let entryID: Int
    public let rating: Rating
    /// The grade's score, or nil when the answer was revealed rather than typed.
    public let score: Int?
    public let answer: String
    public let time: Date

    public init(entryID: Int, rating: Rating, score: Int?, answer: String, time: Date) {
        self.entryID = entryID
        self.rating = rating
        self.score = score
        self.answer = answer
        self.time = time
    }
}
