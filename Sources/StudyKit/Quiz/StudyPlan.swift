import Foundation

/// Decides which question the quiz puts next and hears how each one went.
///
/// The quiz knows nothing of scheduling: a shuffled deck (cram) and the spaced-repetition
/// scheduler are both plans, and the session works with either.
public protocol StudyPlan {
    /// The next entry to ask among `candidates` (the scope's entries, in corpus order), or nil
    /// when nothing in scope is to be asked now.
    mutating func nextEntry(from candidates: [Entry], scope: QuizScope, now: Date) -> Entry?

    /// Records the learner's rating and returns when the entry is due again, for plans that
    /// schedule. Throws when the rating could not be saved.
    mutating func record(_ review: Review) throws -> Date?

    /// Takes back the most recent rating this sitting; returns its entry id, or nil when there is
    /// nothing to take back.
    mutating func undoLast() throws -> Int?

    /// Puts the entry at the end of the queue: asked again once nothing else in scope is.
    mutating func skip(_ entryID: Int)

    /// Whether the question on screen belongs in `scope` now, so that switching to it keeps the
    /// question rather than asking one the scope would not.
    func wouldAsk(_ entry: Entry, scope: QuizScope, now: Date) -> Bool

    /// Says why `nextEntry` found nothing among `candidates`, and what to do instead.
    func nothingToAsk(from candidates: [Entry], scope: QuizScope, now: Date) -> String

    /// What the schedule holds: due now, new left today, when the next comes due; nil for a plan
    /// without a schedule.
    func outlook(of entries: [Entry], now: Date) -> QuizOutlook?

    /// When the entry would come back after each rating, for the rating prompt; empty for a plan
    /// without a schedule.
    func intervals(forEntry entryID: Int, now: Date) -> [Rating: Date]
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
