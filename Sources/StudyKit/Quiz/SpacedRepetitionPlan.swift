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

    public init(store: ProgressStore, corpus: String, scheduler: FSRSScheduler = FSRSScheduler(),
                newCardsPerDay: Int = 10, calendar: Calendar = .current, seed: UInt64 = 0) {
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
            return weakest(notJustAsked.filter { cards[$0.id] != nil && !askedThisSitting.contains($0.id) }, cards: cards, now: now)
        }
        if let first = due.first { return first }
        let fresh = notJustAsked.filter { cards[$0.id] == nil }.sorted { newCardRank($0.id) < newCardRank($1.id) }
        if scope == .due {
            return newReviewsToday(now: now) < newCardsPerDay ? fresh.first : nil
        }
        if let first = fresh.first { return first }
        let rest = notJustAsked.filter { !askedThisSitting.contains($0.id) }
        return weakest(rest.isEmpty ? notJustAsked : rest, cards: cards, now: now)
    }

    /// Leeches first, then lowest retrievability.
    private func weakest(_ entries: [Entry], cards: [Int: CardRecord], now: Date) -> Entry? {
        entries.min { a, b in
            let (left, right) = (cards[a.id], cards[b.id])
            if (left?.isLeech ?? false) != (right?.isLeech ?? false) { return left?.isLeech ?? false }
            return retrievability(left, now) < retrievability(right, now)
        }
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

    public func nothingToAsk(in scope: QuizScope, now: Date) -> String {
        let cards = (try? store.cards(corpus: corpus)) ?? [:]
        switch scope {
        case .weak where cards.isEmpty:
            return "No reviewed entries yet, so none are weak. /quiz starts with new ones."
        case .weak:
            return "You have drilled every reviewed entry this sitting. /quiz due or /cram to go on."
        case .due:
            let next = cards.values.map(\.card.due).filter { $0 > now }.min()
            let when = next.map { " The next is due " + RelativeTime.describe($0, from: now) + "." } ?? ""
            return "Nothing is due, and today's \(newCardsPerDay) new entries are done.\(when) /quiz weak, /quiz TOPIC or /cram to keep going."
        default:
            return "No entries in \(scope.label)."
        }
    }
}
