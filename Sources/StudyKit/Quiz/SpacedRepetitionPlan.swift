import Foundation

/// Asks what the scheduler says is due, remembers every rating in the progress store, and can
/// take the last one back.
///
/// Order within a scope: due cards, most overdue first; then new cards in a random order fixed
/// by the seed (for
/// `due`, at most `newCardsPerDay` first reviews a day, as flashcard tools do, so a backlog never
/// grows faster than it can be reviewed); then, for a topic or section, the rest by lowest recall
/// probability, so asking for a topic always gets a question.
public struct SpacedRepetitionPlan: StudyPlan {
    public let store: ProgressStore
    public let corpus: String
    public let scheduler: FSRSScheduler
    public let newCardsPerDay: Int
    let calendar: Calendar
    /// Ranks new entries: a seeded shuffle, stable for the sitting.
    private let newCardRank: (Int) -> UInt64
    private var askedThisSitting: Set<Int> = []
    private var lastAsked: Int?
    private var recorded: [(reviewID: Int64, entryID: Int)] = []

    public init(
        store: ProgressStore, corpus: String, scheduler: FSRSScheduler = FSRSScheduler(),
        newCardsPerDay: Int = 10, calendar: Calendar = .current, seed: UInt64 = 0
    ) {
        self.newCardRank = { id in
            var generator = SeededGenerator(seed: seed ^ UInt64(truncatingIfNeeded: id) &* 0x9E37_79B9_7F4A_7C15)
            return generator.next()
        }
        self.store = store
        self.corpus = corpus
        self.scheduler = scheduler
        self.newCardsPerDay = newCardsPerDay
        self.calendar = calendar
    }

    public mutating func nextEntry(from candidates: [Entry], scope: QuizScope, now: Date) -> Entry? {
        let cards = (try? store.cards(corpus: corpus)) ?? [:]
        let entry = choose(from: candidates, scope: scope, cards: cards, now: now)
        if let entry {
            askedThisSitting.insert(entry.id)
            lastAsked = entry.id
        }
        return entry
    }

    private func choose(from candidates: [Entry], scope: QuizScope, cards: [Int: CardRecord], now: Date) -> Entry? {
        let notJustAsked = candidates.count > 1 ? candidates.filter { $0.id != lastAsked } : candidates
        let due = notJustAsked.filter { cards[$0.id].map { $0.card.due <= now } ?? false }
            .sorted { cards[$0.id]!.card.due < cards[$1.id]!.card.due }
        if scope == .weak {
            return weakest(notJustAsked.filter { !askedThisSitting.contains($0.id) }, cards: cards, now: now, onlyWeak: true)
        }
        if let first = due.first { return first }
        let fresh = notJustAsked.filter { cards[$0.id] == nil }.sorted { newCardRank($0.id) < newCardRank($1.id) }
        if scope == .due {
            return newReviewsToday(now: now) < newCardsPerDay ? fresh.first : nil
        }
        if let first = fresh.first { return first }
        let rest = notJustAsked.filter { !askedThisSitting.contains($0.id) }
        return weakest(rest.isEmpty ? notJustAsked : rest, cards: cards, now: now, onlyWeak: false)
    }

    /// The weakest of `entries` that are weak at all: last rated "again" first, then by lapses
    /// (so leeches lead), then by lowest recall probability. An entry is weak when it was
    /// forgotten before, last rated again or hard, or FSRS gives it less than the desired
    /// retention; one recalled well and still fresh is not drilled as weak (`onlyWeak`).
    private func weakest(_ entries: [Entry], cards: [Int: CardRecord], now: Date, onlyWeak: Bool) -> Entry? {
        let lastRatings = lastRatings()
        return entries.compactMap { entry in
            cards[entry.id].map { (entry, weakness(of: $0, lastRating: lastRatings[entry.id], now: now)) }
        }
        .filter { !onlyWeak || $0.1.isWeak(desiredRetention: scheduler.parameters.desiredRetention) }
        .min { $0.1 < $1.1 }?.0
    }

    private func weakness(of record: CardRecord, lastRating: Rating?, now: Date) -> Weakness {
        Weakness(
            lastRating: lastRating, lapses: record.lapses,
            retrievability: scheduler.retrievability(of: record.card, at: now), stability: record.card.stability ?? 0)
    }

    private func hasWeakEntries(_ cards: [Int: CardRecord], now: Date) -> Bool {
        let lastRatings = lastRatings()
        return cards.values.contains {
            weakness(of: $0, lastRating: lastRatings[$0.entryID], now: now).isWeak(desiredRetention: scheduler.parameters.desiredRetention)
        }
    }

    private func lastRatings() -> [Int: Rating] {
        let log = (try? store.reviews(corpus: corpus)) ?? []
        return Dictionary(log.map { ($0.entryID, $0.rating) }, uniquingKeysWith: { _, later in later })
    }

    private func retrievability(_ record: CardRecord?, _ now: Date) -> Double {
        record.map { scheduler.retrievability(of: $0.card, at: now) } ?? 0
    }

    private func newReviewsToday(now: Date) -> Int {
        let reviews = (try? store.reviews(corpus: corpus, since: calendar.startOfDay(for: now))) ?? []
        return reviews.filter { $0.stateBefore == .new }.count
    }

    public mutating func record(_ review: Review) throws -> Date? {
        let saved = try store.record(review, corpus: corpus, scheduler: scheduler)
        recorded.append((saved.id, review.entryID))
        return saved.card.card.due
    }

    public mutating func undoLast() throws -> Int? {
        guard let last = recorded.last, try store.undo(reviewID: last.reviewID) else { return nil }
        recorded.removeLast()
        askedThisSitting.remove(last.entryID)
        lastAsked = nil
        return last.entryID
    }

    public func outlook(of entries: [Entry], now: Date) -> QuizOutlook? {
        let all = (try? store.cards(corpus: corpus)) ?? [:]
        let cards = entries.compactMap { all[$0.id] }
        return QuizOutlook(
            due: cards.filter { $0.card.due <= now }.count,
            newLeftToday: min(max(0, newCardsPerDay - newReviewsToday(now: now)), entries.count - cards.count),
            nextDue: cards.map(\.card.due).filter { $0 > now }.min())
    }

    /// With the same interval fuzz the rating itself will draw.
    public func intervals(forEntry entryID: Int, now: Date) -> [Rating: Date] {
        let record = ((try? store.cards(corpus: corpus)) ?? [:])[entryID]
        let card = record?.card ?? .new(due: now)
        return Dictionary(
            uniqueKeysWithValues: Rating.allCases.map { rating in
                var fuzz = CardRecord.fuzzGenerator(entryID: entryID, reviews: record?.reviews ?? 0)
                return (rating, scheduler.review(card, rating: rating, at: now, using: &fuzz).due)
            })
    }

    public func nothingToAsk(in scope: QuizScope, now: Date) -> String {
        let cards = (try? store.cards(corpus: corpus)) ?? [:]
        switch scope {
        case .weak where cards.isEmpty:
            return "No reviewed entries yet, so none are weak. /quiz starts with new ones."
        case .weak where !hasWeakEntries(cards, now: now):
            return "Nothing is weak: every reviewed entry was last recalled well and is still fresh. /quiz due or /cram to go on."
        case .weak:
            return "You have drilled every weak entry this sitting. /quiz due or /cram to go on."
        case .due:
            let next = cards.values.map(\.card.due).filter { $0 > now }.min()
            let when = next.map { " The next is due " + RelativeTime.describe($0, from: now) + "." } ?? ""
            return "Nothing is due, and today's \(newCardsPerDay) new entries are done.\(when) /quiz weak, /quiz TOPIC or /cram to keep going."
        default:
            return "No entries in \(scope.label)."
        }
    }
}
