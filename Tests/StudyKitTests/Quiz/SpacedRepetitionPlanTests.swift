import Foundation
import Testing

@testable import StudyKit

@Suite("SpacedRepetitionPlan")
struct SpacedRepetitionPlanTests {
    static let corpus = try! BundledCorpus.load()
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
    /// Monday 2025-03-10 09:00:00 UTC.
    static let start = Date(timeIntervalSince1970: 1_741_597_200)
    static let hour: TimeInterval = 3_600
    static let day: TimeInterval = 86_400

    let store = ProgressStore.inMemory()
    var identity: String { Self.corpus.identity }

    func makePlan(seed: UInt64 = 3) -> SpacedRepetitionPlan {
        SpacedRepetitionPlan(store: store, corpus: identity, studyDay: StudyDay(calendar: Self.calendar), seed: seed)
    }

    func cards() throws -> [Int: CardRecord] {
        try store.cards(corpus: identity)
    }

    /// Rates directly in the store, as an earlier sitting would have.
    @discardableResult
    func rate(_ entry: Int, _ rating: Rating, at time: Date) throws -> CardRecord {
        try store.record(
            Review(entryID: entry, rating: rating, score: nil, answer: "", time: time), corpus: identity,
            scheduler: FSRSScheduler()
        ).card
    }

    /// Asks the next question of `scope` and rates it through the plan.
    func askAndRate(_ plan: inout SpacedRepetitionPlan, _ scope: QuizScope, _ rating: Rating, at time: Date) throws -> Int? {
        guard let entry = plan.nextEntry(from: scope.entries(in: Self.corpus), scope: scope, now: time) else { return nil }
        let due = try plan.record(Review(entryID: entry.id, rating: rating, score: 50, answer: "answer", time: time))
        #expect(due == (try cards()[entry.id]?.card.due), "record returns when the entry is due again")
        return entry.id
    }

    // MARK: Due first

    @Test func dueCardsComeFirstMostOverdueFirst() throws {
        try rate(5, .again, at: Self.start)  // due in 1 minute
        try rate(9, .hard, at: Self.start)  // due in 5.5 minutes
        try rate(14, .good, at: Self.start)  // due in 10 minutes
        try rate(20, .easy, at: Self.start)  // due in days
        let due = try cards()
        #expect(due[5]!.card.due < due[9]!.card.due)
        #expect(due[9]!.card.due < due[14]!.card.due)
        #expect(due[20]!.card.due > Self.start.addingTimeInterval(Self.day))

        let now = Self.start.addingTimeInterval(Self.hour)
        var plan = makePlan()
        let entries = Self.corpus.entries
        // Asked but not rated, a question is not asked again straight away.
        #expect(plan.nextEntry(from: entries, scope: .all, now: now)?.id == 5)
        #expect(plan.nextEntry(from: entries, scope: .all, now: now)?.id == 9)
        #expect(plan.nextEntry(from: entries, scope: .all, now: now)?.id == 5)

        var fresh = makePlan()
        var order: [Int] = []
        for _ in 0..<4 { order.append(try #require(try askAndRate(&fresh, .all, .good, at: now))) }
        #expect(Array(order.prefix(3)) == [5, 9, 14])
        #expect(due[order[3]] == nil, "then a new entry, not the one due in days")
        #expect(order[3] != 20)
    }

    @Test func dueCardsAreAskedEvenAfterTheDaysNewEntries() throws {
        var plan = makePlan()
        var learnt: [Int] = []
        for index in 0..<10 {
            learnt.append(try #require(try askAndRate(&plan, .due, .good, at: Self.start.addingTimeInterval(Double(index)))))
        }
        #expect(Set(learnt).count == 10)
        // Ten minutes later all ten are due again; they come back although no new entry may.
        let later = Self.start.addingTimeInterval(Self.hour)
        var again: [Int] = []
        while let entry = try askAndRate(&plan, .due, .easy, at: later) {
            again.append(entry)
            try #require(again.count <= 10)
        }
        #expect(Set(again) == Set(learnt))
        #expect(again.count == 10)
    }

    // MARK: New entries per day

    @Test func dueScopeAsksAtMostTenNewEntriesADay() throws {
        var plan = makePlan()
        var firstDay: [Int] = []
        for index in 0..<10 {
            let time = Self.start.addingTimeInterval(Double(index * 60))
            let entry = try #require(try askAndRate(&plan, .due, .easy, at: time), "new entry \(index + 1)")
            firstDay.append(entry)
        }
        #expect(Set(firstDay).count == 10)
        #expect(try cards().count == 10)
        #expect(try cards().values.allSatisfy { $0.card.state == .review })

        let now = Self.start.addingTimeInterval(Self.hour)
        #expect(plan.nextEntry(from: Self.corpus.entries, scope: .due, now: now) == nil)
        let nextDue = try #require(try cards().values.map(\.card.due).min())
        #expect(nextDue > now.addingTimeInterval(2 * Self.day))
        let message = plan.nothingToAsk(from: Self.corpus.entries, scope: .due, now: now)
        #expect(
            message == "Nothing is due, and today's 10 new entries are done. The next is due "
                + RelativeTime.describe(nextDue, from: now) + ". /quiz weak, or /cram to drill without changing the schedule.")
        #expect(message.contains("The next is due in ") && message.contains(" days."))

        // Still none late the same day, nor in another sitting: the limit is the store's, per day.
        let evening = Self.start.addingTimeInterval(14 * Self.hour + 59 * 60)  // 23:59 UTC
        #expect(plan.nextEntry(from: Self.corpus.entries, scope: .due, now: evening) == nil)
        var otherSitting = makePlan(seed: 99)
        #expect(otherSitting.nextEntry(from: Self.corpus.entries, scope: .due, now: now) == nil)
        // Every scope shares the one limit: a topic or section adds no new entries to the day.
        #expect(otherSitting.nextEntry(from: Self.corpus.entries, scope: .all, now: now) == nil)
        #expect(otherSitting.nextEntry(from: Self.corpus.entries(inSection: "Advanced"), scope: .section("Advanced"), now: now) == nil)

        // The next day, ten more.
        let tomorrow = Self.start.addingTimeInterval(Self.day)
        var secondDay: [Int] = []
        while let entry = try askAndRate(&plan, .due, .easy, at: tomorrow.addingTimeInterval(Double(secondDay.count))) {
            secondDay.append(entry)
            try #require(secondDay.count <= 10)
        }
        #expect(secondDay.count == 10)
        #expect(Set(secondDay).isDisjoint(with: firstDay))
        #expect(try cards().count == 20)
        #expect(try store.reviews(corpus: identity, since: Self.calendar.startOfDay(for: tomorrow)).count == 10)
    }

    // MARK: Weak

    @Test func weakPutsTheLastForgottenFirstThenLapsesThenLowestRetrievability() throws {
        let now = Self.start
        // Entry 3: a leech, but just relearnt, so its recall probability is the highest of all.
        var time = now.addingTimeInterval(-3 * Self.day)
        try rate(3, .easy, at: time)
        for _ in 0..<CardRecord.leechThreshold {
            time.addTimeInterval(Self.hour)
            try rate(3, .again, at: time)
            time.addTimeInterval(Self.hour)
            try rate(3, .good, at: time)
        }
        try rate(3, .good, at: now.addingTimeInterval(-Self.hour))
        // Entries 11, 17, 25: ordinary cards of decreasing recall probability.
        try rate(11, .easy, at: now.addingTimeInterval(-2 * Self.day))
        try rate(17, .hard, at: now.addingTimeInterval(-6 * Self.day))
        try rate(25, .again, at: now.addingTimeInterval(-10 * Self.day))

        let records = try cards()
        #expect(records[3]?.lapses == 8)
        #expect(records[3]?.isLeech == true)
        #expect(records.values.filter(\.isLeech).map(\.entryID) == [3])
        let scheduler = FSRSScheduler()
        let recall = records.mapValues { scheduler.retrievability(of: $0.card, at: now) }
        #expect(recall[3] == 1)
        #expect(recall[25]! < recall[17]!)
        #expect(recall[17]! < recall[11]!)
        #expect(recall[11]! < recall[3]!)

        var plan = makePlan()
        var order: [Int] = []
        while let entry = plan.nextEntry(from: Self.corpus.entries, scope: .weak, now: now) {
            order.append(entry.id)
            try #require(order.count <= 4)
        }
        #expect(
            order == [25, 3, 17], "last forgotten first, then by lapses (the leech), then by lowest recall; never-reviewed and fresh easy entries are not weak")
        #expect(
            plan.nothingToAsk(from: Self.corpus.entries, scope: .weak, now: now)
                == "You have drilled every weak entry this sitting. /quiz due or /cram to go on.")
    }

    @Test func entriesRecalledWellAndFreshAreNotWeak() throws {
        // Rated in entry-number order a minute apart, as in one sitting: equal recall
        // probabilities must not fall back to entry-number order.
        let ratings: [(Int, Rating)] = [(2, .easy), (4, .good), (6, .hard), (8, .easy), (10, .again)]
        for (index, (entry, rating)) in ratings.enumerated() {
            try rate(entry, rating, at: Self.start.addingTimeInterval(Double(index) * 60))
        }
        let now = Self.start.addingTimeInterval(10 * 60)
        var plan = makePlan()
        var order: [Int] = []
        while let entry = plan.nextEntry(from: Self.corpus.entries, scope: .weak, now: now) {
            order.append(entry.id)
            try #require(order.count <= 5)
        }
        #expect(order == [10, 6], "again, then hard; entries rated good or easy minutes ago are not weak")
    }

    @Test func weakWithNothingWeakSaysSo() throws {
        try rate(2, .easy, at: Self.start)
        var plan = makePlan()
        #expect(plan.nextEntry(from: Self.corpus.entries, scope: .weak, now: Self.start.addingTimeInterval(60)) == nil)
        #expect(
            plan.nothingToAsk(from: Self.corpus.entries, scope: .weak, now: Self.start.addingTimeInterval(60))
                == "Nothing is weak: every reviewed entry was last recalled well and is still fresh. /quiz due or /cram to go on.")
    }

    @Test func outlookCountsDueNewLeftAndTheNextReview() throws {
        try rate(1, .again, at: Self.start)  // due in a minute
        try rate(2, .easy, at: Self.start)  // due in days
        var plan = makePlan()
        let early = try #require(plan.outlook(of: Self.corpus.entries, now: Self.start))
        #expect(early == QuizOutlook(due: 0, newLeftToday: 8, nextDue: try cards()[1]!.card.due))
        #expect(early.summary(now: Self.start) == "nothing due · 8 new left today · next review in 1 minute")
        let later = try #require(plan.outlook(of: Self.corpus.entries, now: Self.start.addingTimeInterval(3_600)))
        #expect(later.due == 1)
        #expect(later.summary(now: Self.start.addingTimeInterval(3_600)) == "1 due · 8 new left today")
        // Only entries that exist count as new: a two-entry scope has none left to start.
        let two = Array(Self.corpus.entries.prefix(2))
        #expect(plan.outlook(of: two, now: Self.start)?.newLeftToday == 0)
        // A first review today leaves one fewer new entry for the rest of the day.
        _ = try askAndRate(&plan, .all, .good, at: Self.start)
        #expect(plan.outlook(of: Self.corpus.entries, now: Self.start)?.newLeftToday == 7)
    }

    @Test func intervalsPreviewWhatEachRatingWouldGive() throws {
        let plan = makePlan()
        let fresh = plan.intervals(forEntry: 7, now: Self.start).mapValues { $0.timeIntervalSince(Self.start) }
        #expect(fresh[.again] == 60)
        #expect(fresh[.hard] == 330)
        #expect(fresh[.good] == 600)
        #expect(fresh.keys.count == 4)
        // Each preview is what the rating then gives, fuzz included: one rating per entry, and
        // a second review days later, where intervals are long enough to be fuzzed.
        for (entry, rating) in zip([7, 8, 9, 10], Rating.allCases) {
            let first = try #require(plan.intervals(forEntry: entry, now: Self.start)[rating])
            #expect(try rate(entry, rating, at: Self.start).card.due == first, "\(rating) on a new card")
            let later = Self.start.addingTimeInterval(5 * Self.day)
            let second = try #require(plan.intervals(forEntry: entry, now: later)[.easy])
            #expect(second.timeIntervalSince(later) > 3 * Self.day, "long enough to be fuzzed")
            #expect(try rate(entry, .easy, at: later).card.due == second, "easy after \(rating)")
        }
    }

    @Test func weakWithoutReviewsHasNothingToAsk() {
        var plan = makePlan()
        #expect(plan.nextEntry(from: Self.corpus.entries, scope: .weak, now: Self.start) == nil)
        #expect(
            plan.nothingToAsk(from: Self.corpus.entries, scope: .weak, now: Self.start)
                == "No reviewed entries yet, so none are weak. /quiz starts with new ones.")
    }

    // MARK: Topics

    @Test func aTopicTakesItsDueAndNewEntriesAndReviewsNoneEarly() throws {
        let scope = try #require(QuizScope("orm", in: Self.corpus))
        #expect(scope == .tag("orm"))
        let topic = scope.entries(in: Self.corpus)
        #expect(topic.count >= 4)
        // One of its entries was learnt yesterday and is not due for days.
        let learnt = topic[0].id
        try rate(learnt, .easy, at: Self.start.addingTimeInterval(-Self.day))

        var plan = makePlan()
        var asked: [Int] = []
        while let entry = try askAndRate(&plan, scope, .easy, at: Self.start.addingTimeInterval(Double(asked.count))) {
            asked.append(entry)
            try #require(asked.count <= topic.count)
        }
        #expect(Set(asked) == Set(topic.map(\.id)).subtracting([learnt]), "each new entry once; the one not due is not reviewed early")
        let message = plan.nothingToAsk(from: topic, scope: scope, now: Self.start.addingTimeInterval(60))
        #expect(message.hasPrefix("Nothing in topic orm is due. The next is due in "))
        #expect(message.hasSuffix(" /cram orm drills it without changing the schedule."))
    }

    @Test func aCardJustFailedComesBackWithinTheLearnAheadWindowWhenNothingElseIs() throws {
        let scope = try #require(QuizScope("caching", in: Self.corpus))
        let only = try #require(scope.entries(in: Self.corpus).first)
        #expect(scope.entries(in: Self.corpus).count == 1)
        var plan = makePlan()
        // Again: due in a minute, within the 20-minute window, so at once.
        #expect(try askAndRate(&plan, scope, .again, at: Self.start) == only.id)
        #expect(try cards()[only.id]!.card.due == Self.start.addingTimeInterval(60))
        // Good: its next step is 10 minutes away, still within the window.
        #expect(try askAndRate(&plan, scope, .good, at: Self.start.addingTimeInterval(1)) == only.id)
        #expect(try cards()[only.id]!.card.due > Self.start.addingTimeInterval(9 * 60))
        // Easy: days away, so nothing more today.
        #expect(try askAndRate(&plan, scope, .easy, at: Self.start.addingTimeInterval(2)) == only.id)
        #expect(plan.nextEntry(from: scope.entries(in: Self.corpus), scope: scope, now: Self.start.addingTimeInterval(3)) == nil)
    }

    @Test func cardsDueSoonWaitWhileNewOnesRemainAndBeyondTheWindowWaitForTheirTime() throws {
        var plan = makePlan()
        let failed = try #require(try askAndRate(&plan, .due, .again, at: Self.start))
        // New entries first: the failed card's step is not due yet.
        let next = plan.nextEntry(from: Self.corpus.entries, scope: .due, now: Self.start.addingTimeInterval(10))
        #expect(next != nil && next?.id != failed)
        // With the day's new entries done, it comes at once, though due in under a minute.
        let limited = SpacedRepetitionPlan(store: store, corpus: identity, newCardsPerDay: 1, studyDay: StudyDay(calendar: Self.calendar))
        var drained = limited
        #expect(drained.nextEntry(from: Self.corpus.entries, scope: .due, now: Self.start.addingTimeInterval(10))?.id == failed)
        // A learning step an hour away is beyond the window until 20 minutes before it.
        let hourSteps = FSRSScheduler(parameters: FSRSParameters(learningSteps: [60, 3_600]))
        let separate = ProgressStore.inMemory()
        var slow = SpacedRepetitionPlan(store: separate, corpus: identity, scheduler: hourSteps, newCardsPerDay: 1, studyDay: StudyDay(calendar: Self.calendar))
        let put = slow.nextEntry(from: Self.corpus.entries, scope: .due, now: Self.start)
        let learning = try #require(put)
        let due = try #require(try slow.record(Review(entryID: learning.id, rating: .good, score: nil, answer: "", time: Self.start)))
        #expect(due == Self.start.addingTimeInterval(3_600))
        #expect(slow.nextEntry(from: Self.corpus.entries, scope: .due, now: Self.start.addingTimeInterval(60)) == nil)
        #expect(slow.nextEntry(from: Self.corpus.entries, scope: .due, now: due.addingTimeInterval(-19 * 60))?.id == learning.id)
        // Review cards are not learnt ahead: one due tomorrow waits for its day.
        try rate(failed, .good, at: Self.start.addingTimeInterval(20))
        try rate(failed, .good, at: Self.start.addingTimeInterval(30))
        let review = try cards()[failed]!.card
        #expect(review.state == .review && review.due == Self.start.addingTimeInterval(30 + Self.day))
        var waiting = limited
        #expect(waiting.nextEntry(from: Self.corpus.entries, scope: .due, now: Self.start.addingTimeInterval(40)) == nil)
    }

    @Test func aSkippedCardComesBackAfterTheRestAndIsNotLost() throws {
        var plan = makePlan()
        let scope = QuizScope.section("Advanced")
        let section = scope.entries(in: Self.corpus)
        let put = plan.nextEntry(from: section, scope: scope, now: Self.start)
        let first = try #require(put)
        plan.skip(first.id)
        var order: [Int] = []
        while let entry = try askAndRate(&plan, scope, .easy, at: Self.start.addingTimeInterval(Double(order.count + 1))) {
            order.append(entry)
            try #require(order.count <= 10)
        }
        #expect(order.count == 10, "the day's ten new entries")
        #expect(!order.contains(first.id) || order.last == first.id, "after every other, if the limit leaves room")
        // With room for it, it is the last.
        var roomy = SpacedRepetitionPlan(store: ProgressStore.inMemory(), corpus: identity, newCardsPerDay: 50, studyDay: StudyDay(calendar: Self.calendar))
        let headPut = roomy.nextEntry(from: section, scope: scope, now: Self.start)
        let head = try #require(headPut)
        roomy.skip(head.id)
        var rest: [Int] = []
        while let entry = roomy.nextEntry(from: section, scope: scope, now: Self.start) {
            rest.append(entry.id)
            if entry.id == head.id { break }
            _ = try roomy.record(Review(entryID: entry.id, rating: .easy, score: nil, answer: "", time: Self.start))
            try #require(rest.count <= section.count)
        }
        #expect(rest.count == section.count && rest.last == head.id)
    }

    // MARK: Undo

    @Test func undoLastTakesBackTheLastRatingAndRestoresTheCard() throws {
        var plan = makePlan()
        let first = try #require(try askAndRate(&plan, .all, .good, at: Self.start))
        let afterFirst = try cards()
        let second = try #require(try askAndRate(&plan, .all, .again, at: Self.start.addingTimeInterval(60)))
        #expect(first != second)
        #expect(try cards().count == 2)

        #expect(try plan.undoLast() == second)
        #expect(try cards() == afterFirst)
        #expect(try store.reviews(corpus: identity).map(\.entryID) == [first])
        // The entry taken back is new again, and first in line again.
        #expect(plan.nextEntry(from: Self.corpus.entries, scope: .all, now: Self.start.addingTimeInterval(120))?.id == second)

        #expect(try plan.undoLast() == first)
        #expect(try cards().isEmpty)
        #expect(try store.reviews().isEmpty)
        #expect(try plan.undoLast() == nil, "nothing left to take back")
    }

    @Test func undoLastRefusesWhenAnotherSittingRatedTheEntrySince() throws {
        var mine = makePlan()
        var theirs = makePlan()
        // Two tutors open at once put the same first question.
        let entry = try #require(mine.nextEntry(from: Self.corpus.entries, scope: .all, now: Self.start)?.id)
        #expect(theirs.nextEntry(from: Self.corpus.entries, scope: .all, now: Self.start)?.id == entry)
        _ = try mine.record(Review(entryID: entry, rating: .good, score: 70, answer: "mine", time: Self.start))
        let afterMine = try #require(try cards()[entry])
        _ = try theirs.record(Review(entryID: entry, rating: .good, score: 80, answer: "theirs", time: Self.start.addingTimeInterval(60)))
        let afterTheirs = try #require(try cards()[entry])
        #expect(afterTheirs.reviews == 2)

        #expect(try mine.undoLast() == nil)
        #expect(try cards()[entry] == afterTheirs, "nothing changed")
        #expect(try store.reviewCount(corpus: identity) == 2)

        #expect(try theirs.undoLast() == entry)
        #expect(try cards()[entry] == afterMine)
        // With the later rating gone, mine can be taken back after all.
        #expect(try mine.undoLast() == entry)
        #expect(try cards()[entry] == nil)
        #expect(try store.reviewCount(corpus: identity) == 0)
    }
}
