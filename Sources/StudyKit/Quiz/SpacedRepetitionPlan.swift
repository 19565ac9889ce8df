import Foundation

/// Asks what the scheduler says is due, remembers every rating in the progress store, and can
/// take the last one back. The queue is Anki's:
///
/// 1. cards due now, most overdue first;
/// 2. then new cards, in a random order fixed by the seed, while fewer than `newCardsPerDay`
///    first reviews were given in the learner's day (one limit for every scope, so a backlog
///    never grows faster than it can be reviewed);
/// 3. then, when nothing else is, cards in a learning or relearning step due within
///    `learnAheadWindow` (a card just failed, say), soonest first;
/// 4. last, the questions skipped, in the order they were skipped (a new one keeps its place
///    among the day's new entries).
///
/// A topic or section takes the same queue limited to its entries: nothing there is reviewed
/// before it is due (`/cram` drills it without the schedule). `weak` takes the weak entries,
/// weakest first, each once a sitting unless it comes due again.
public struct SpacedRepetitionPlan: StudyPlan {
    /// Anki's default learn-ahead limit.
    public static let learnAheadWindow: TimeInterval = 20 * 60

    public let store: ProgressStore
    public let corpus: String
    public let scheduler: FSRSScheduler
    public let newCardsPerDay: Int
    let studyDay: StudyDay
    /// Ranks new entries: a seeded shuffle, stable for the sitting.
    private let newCardRank: (Int) -> UInt64
    private var askedThisSitting: Set<Int> = []
    /// Rated since last put: for `weak`, one that comes due again may come back.
    private var ratedSinceAsked: Set<Int> = []
    /// Put and neither rated nor skipped since: not put again while anything else can be.
    private var lastAsked: Int?
    /// Skipped, or left unanswered by a change of scope, oldest first: asked after the rest.
    private var skipped: [Int] = []
    private var recorded: [(reviewID: Int64, entryID: Int)] = []

    public init(
        store: ProgressStore, corpus: String, scheduler: FSRSScheduler = FSRSScheduler(),
        newCardsPerDay: Int = 10, studyDay: StudyDay = StudyDay(), seed: UInt64 = 0
    ) {
        self.newCardRank = { id in
            var generator = SeededGenerator(seed: seed ^ UInt64(truncatingIfNeeded: id) &* 0x9E37_79B9_7F4A_7C15)
            return generator.next()
        }
        self.store = store
        self.corpus = corpus
        self.scheduler = scheduler
        self.newCardsPerDay = newCardsPerDay
        self.studyDay = studyDay
    }

    public mutating func nextEntry(from candidates: [Entry], scope: QuizScope, now: Date) -> Entry? {
        let cards = (try? store.cards(corpus: corpus)) ?? [:]
        let lastRatings = scope == .weak ? lastRatings() : [:]
        let waiting = Set(skipped)
        let rest = candidates.filter { !waiting.contains($0.id) }
        let notJustAsked = rest.count > 1 ? rest.filter { $0.id != lastAsked } : rest
        let byID = Dictionary(candidates.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // A new entry skipped keeps its place among the day's new ones.
        let newLeft = newCardsPerDay - newReviewsToday(now: now)
        let keptForSkipped = skipped.filter { cards[$0] == nil }.count
        let entry =
            choose(from: notJustAsked, scope: scope, cards: cards, lastRatings: lastRatings, newAllowed: newLeft > keptForSkipped, now: now)
            ?? skipped.lazy.compactMap { byID[$0] }.first {
                choose(from: [$0], scope: scope, cards: cards, lastRatings: lastRatings, newAllowed: newLeft > 0, now: now, alreadyPut: true) != nil
            }
        if let entry {
            askedThisSitting.insert(entry.id)
            ratedSinceAsked.remove(entry.id)
            lastAsked = entry.id
            skipped.removeAll { $0 == entry.id }
        }
        return entry
    }

    public mutating func skip(_ entryID: Int) {
        skipped.removeAll { $0 == entryID }
        skipped.append(entryID)
        if lastAsked == entryID { lastAsked = nil }
    }

    public func wouldAsk(_ entry: Entry, scope: QuizScope, now: Date) -> Bool {
        let cards = (try? store.cards(corpus: corpus)) ?? [:]
        let lastRatings = scope == .weak ? lastRatings() : [:]
        let newAllowed = newReviewsToday(now: now) < newCardsPerDay
        return choose(from: [entry], scope: scope, cards: cards, lastRatings: lastRatings, newAllowed: newAllowed, now: now, alreadyPut: true) != nil
    }

    /// The queue's first among `candidates`. `alreadyPut`: they were put and not rated (on screen,
    /// or skipped), which does not count as drilling a weak entry.
    private func choose(
        from candidates: [Entry], scope: QuizScope, cards: [Int: CardRecord], lastRatings: [Int: Rating], newAllowed: Bool, now: Date,
        alreadyPut: Bool = false
    ) -> Entry? {
        let soon = now.addingTimeInterval(Self.learnAheadWindow)
        if scope == .weak {
            let weak = candidates.compactMap { entry in
                cards[entry.id].map { (entry: entry, card: $0.card, weakness: weakness(of: $0, lastRating: lastRatings[entry.id], now: now)) }
            }
            .filter { $0.weakness.isWeak(desiredRetention: scheduler.parameters.desiredRetention) }
            // Once a sitting, unless rated since and come due again (a step of a card failed).
            let open = weak.filter { alreadyPut || !askedThisSitting.contains($0.entry.id) || ratedSinceAsked.contains($0.entry.id) }
            let ready = open.filter { !askedThisSitting.contains($0.entry.id) || alreadyPut || $0.card.due <= now }
            if let weakest = ready.min(by: { $0.weakness < $1.weakness }) { return weakest.entry }
            return open.filter { $0.card.state.isLearning && $0.card.due <= soon }.min { $0.card.due < $1.card.due }?.entry
        }
        let due = candidates.filter { cards[$0.id].map { $0.card.due <= now } ?? false }
        if let first = due.min(by: { cards[$0.id]!.card.due < cards[$1.id]!.card.due }) { return first }
        if newAllowed,
            let fresh = candidates.filter({ cards[$0.id] == nil }).min(by: { newCardRank($0.id) < newCardRank($1.id) })
        {
            return fresh
        }
        let aheadOf = candidates.filter { cards[$0.id].map { $0.card.state.isLearning && $0.card.due <= soon } ?? false }
        return aheadOf.min { cards[$0.id]!.card.due < cards[$1.id]!.card.due }
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

    /// First reviews given since the learner's day began.
    private func newReviewsToday(now: Date) -> Int {
        let reviews = (try? store.reviews(corpus: corpus, since: studyDay.start(of: now))) ?? []
        return reviews.filter { $0.stateBefore == .new }.count
    }

    public mutating func record(_ review: Review) throws -> Date? {
        let saved = try store.record(review, corpus: corpus, scheduler: scheduler)
        recorded.append((saved.id, review.entryID))
        ratedSinceAsked.insert(review.entryID)
        if lastAsked == review.entryID { lastAsked = nil }
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
        return scheduler.distinctOutcomes(of: record?.card ?? .new(due: now), at: now) {
            CardRecord.fuzzGenerator(entryID: entryID, reviews: record?.reviews ?? 0)
        }.mapValues(\.due)
    }

    public func nothingToAsk(from candidates: [Entry], scope: QuizScope, now: Date) -> String {
        let cards = (try? store.cards(corpus: corpus)) ?? [:]
        switch scope {
        case .weak where cards.isEmpty:
            return "No reviewed entries yet, so none are weak. /quiz starts with new ones."
        case .weak where !hasWeakEntries(cards, now: now):
            return "Nothing is weak: every reviewed entry was last recalled well and is still fresh. /quiz due or /cram to go on."
        case .weak:
            return "You have drilled every weak entry this sitting. /quiz due or /cram to go on."
        case .all, .due, .section, .tag:
            let held = candidates.compactMap { cards[$0.id] }
            var text = scope.name == nil ? "Nothing is due" : "Nothing in \(scope.label) is due"
            if held.count < candidates.count { text += ", and today's \(newCardsPerDay) new entries are done" }
            text += "."
            if let next = held.map(\.card.due).filter({ $0 > now }).min() {
                text += " The next is due " + RelativeTime.describe(next, from: now) + "."
            }
            if let name = scope.name {
                return text + " /cram \(name) drills it without changing the schedule."
            }
            return text + " /quiz weak, or /cram to drill without changing the schedule."
        }
    }
}
