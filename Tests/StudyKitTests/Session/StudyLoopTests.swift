import Foundation
import Testing

@testable import StudyKit

/// What comes next in the quiz, as Anki decides it: the daily limit, the learn-ahead window,
/// failed and skipped cards back in their turn, scopes that review nothing early, and what the
/// tutor says about it all being true. Each test is a row of the table in issue 19.
@Suite("The study loop")
struct StudyLoopTests {
    static let searcher = Searcher(corpus: try! BundledCorpus.load())
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
    /// Monday 2025-03-10 09:00:00 UTC.
    static let start = Date(timeIntervalSince1970: 1_741_597_200)
    static let day: TimeInterval = 86_400

    final class Clock: @unchecked Sendable {
        var now = StudyLoopTests.start
    }

    let renderer = TextRenderer(width: 200, style: .plain)
    let store = ProgressStore.inMemory()
    let clock = Clock()
    var identity: String { Self.searcher.corpus.identity }

    func session(seed: UInt64 = 7) -> TutorSession {
        let clock = clock
        return TutorSession(
            searcher: Self.searcher, progress: store, seed: seed, clock: { clock.now }, studyDay: StudyDay(calendar: Self.calendar))
    }

    func question(_ session: TutorSession) -> Int? {
        if case .answering(let entry, _) = session.quiz { return entry.id }
        return nil
    }

    /// Answers the open question, rates it, and returns the reply to the rating.
    @discardableResult
    func answerAndRate(_ session: inout TutorSession, rating: String, answer: String = "an answer of sorts") -> String {
        _ = session.handle(answer, renderer: renderer)
        _ = session.handle("", renderer: renderer)
        return session.handle(rating, renderer: renderer).text
    }

    /// Rates directly in the store, as an earlier sitting would have.
    func rate(_ entry: Int, _ rating: Rating, at time: Date) throws {
        _ = try store.record(Review(entryID: entry, rating: rating, score: nil, answer: "", time: time), corpus: identity, scheduler: FSRSScheduler())
    }

    /// The day's ten new entries, learnt an hour ago.
    func learnTodaysNewEntries() throws {
        for id in 1...10 { try rate(id, .easy, at: Self.start.addingTimeInterval(-3_600)) }
    }

    /// Learnt a month ago (two good ratings a day apart), and due by now.
    func learnLongAgo(_ entry: Int) throws {
        try rate(entry, .good, at: Self.start.addingTimeInterval(-30 * Self.day))
        try rate(entry, .good, at: Self.start.addingTimeInterval(-29 * Self.day))
    }

    // MARK: Rows

    @Test func theFirstQuizOfTheDayStopsNewEntriesAtTheDailyLimit() throws {
        var session = session()
        #expect(session.banner(renderer).contains("Quiz: nothing due · 10 new left today"))
        var reply = session.handle("/quiz", renderer: renderer).text
        #expect(reply.hasPrefix("Quiz over due entries."), "a bare /quiz is the due queue, progress or not")
        var asked: [Int] = []
        while let id = question(session) {
            asked.append(id)
            try #require(asked.count <= 10)
            reply = answerAndRate(&session, rating: "4")
        }
        #expect(asked.count == 10 && Set(asked).count == 10)
        #expect(reply.contains("Nothing is due, and today's 10 new entries are done."))
        #expect(session.banner(renderer).contains("0 new left today"))
    }

    @Test func aCardFailedWithNothingElseDueComesBackAtOnce() throws {
        try learnTodaysNewEntries()
        // One review is due; it is forgotten.
        try learnLongAgo(20)
        var session = session()
        _ = session.handle("/quiz", renderer: renderer)
        #expect(question(session) == 20)
        let reply = answerAndRate(&session, rating: "1")
        #expect(reply.contains("Rated again. Next in 10 minutes."))
        #expect(question(session) == 20, "within the 20-minute learn-ahead window, with nothing else to do")
        #expect(!reply.contains("Nothing is due"))
    }

    @Test func quizWeakBringsBackACardJustFailed() throws {
        try learnTodaysNewEntries()
        try learnLongAgo(32)
        var session = session()
        _ = session.handle("/quiz", renderer: renderer)
        #expect(question(session) == 32)
        _ = session.handle("/reveal", renderer: renderer)
        _ = session.handle("1", renderer: renderer)
        _ = session.handle("/ask what is a mixin", renderer: renderer)
        let weak = session.handle("/quiz weak", renderer: renderer).text
        #expect(question(session) == 32, "a card just failed is weak, and its step is within the learn-ahead window")
        #expect(!weak.contains("You have drilled every weak entry"))
    }

    @Test func aSkippedCardGoesToTheEndOfTheQueueAndIsNotLost() throws {
        var session = session()
        _ = session.handle("/quiz", renderer: renderer)
        let skipped = try #require(question(session))
        #expect(session.handle("/skip", renderer: renderer).text.hasPrefix("Skipped #\(skipped): it comes back after the rest."))
        var asked: [Int] = []
        while let id = question(session), id != skipped {
            asked.append(id)
            try #require(asked.count <= 9)
            answerAndRate(&session, rating: "4")
        }
        #expect(asked.count == 9, "every other of the day's new entries first")
        #expect(question(session) == skipped, "then the skipped one, in the place it kept among the ten")
    }

    @Test func aQuestionLeftByAChangeOfScopeComesBackThatSitting() throws {
        var session = session()
        _ = session.handle("/quiz Beginner", renderer: renderer)
        let left = try #require(question(session))
        let advanced = session.handle("/quiz Advanced", renderer: renderer).text
        #expect(advanced.contains("#\(left) left unanswered; it comes back after the rest of its queue."))
        answerAndRate(&session, rating: "4")
        _ = session.handle("/quiz", renderer: renderer)
        var seen: [Int] = []
        while let id = question(session), id != left {
            seen.append(id)
            try #require(seen.count <= 10)
            answerAndRate(&session, rating: "4")
        }
        #expect(question(session) == left)
    }

    @Test func aBareQuizAfterACramIsTheDueQueueAndNeverSchedulesTheCramQuestion() throws {
        var session = session()
        _ = session.handle("/cram urls", renderer: renderer)
        let crammed = try #require(question(session))
        let quiz = session.handle("/quiz", renderer: renderer).text
        #expect(quiz.hasPrefix("Quiz over due entries."))
        #expect(!quiz.contains("Back to #\(crammed)"))
        #expect(quiz.contains("#\(crammed) left unanswered;"))
        #expect(session.mode == .quiz && session.activeScope == .due)
    }

    @Test func aScopedQuizTakesDueAndNewEntriesAndReviewsNoneEarly() throws {
        // #21 and #23 were learnt minutes ago and are due in days.
        try rate(21, .easy, at: Self.start.addingTimeInterval(-600))
        try rate(23, .easy, at: Self.start.addingTimeInterval(-300))
        let before = try store.cards(corpus: identity)
        var session = session()
        _ = session.handle("/quiz Intermediate", renderer: renderer)
        var asked: [Int] = []
        var reply = ""
        while let id = question(session) {
            asked.append(id)
            try #require(asked.count <= 5)
            reply = answerAndRate(&session, rating: "4")
        }
        #expect(Set(asked) == [20, 22, 24])
        #expect(reply.contains("Nothing in section Intermediate is due. The next is due in "))
        #expect(reply.contains("/cram Intermediate drills it without changing the schedule."))
        let after = try store.cards(corpus: identity)
        #expect(after[21] == before[21] && after[23] == before[23], "their schedules are as they were")
        // With the day's new entries done, a scope asks none either.
        for id in 1...7 { try rate(id, .easy, at: Self.start) }
        #expect(session.handle("/quiz Advanced", renderer: renderer).text.contains("Nothing in section Advanced is due, and today's 10 new entries are done."))
    }

    @Test func explainAloneExplainsTheEntryJustShown() throws {
        var session = session()
        _ = session.handle("/quiz", renderer: renderer)
        let quizzed = try #require(question(session))
        answerAndRate(&session, rating: "3")
        let asked = session.handle("/ask what is a model manager", renderer: renderer).text
        #expect(asked.contains("#25"))
        try #require(quizzed != 25)
        let explained = session.handle("/explain", renderer: renderer).text
        #expect(explained.hasPrefix("#25  "))
    }

    @Test func retentionCountsFailedReviewsAndSaysWhatItLeavesOut() throws {
        try rate(1, .easy, at: Self.start.addingTimeInterval(-20 * Self.day))
        try rate(2, .easy, at: Self.start.addingTimeInterval(-20 * Self.day))
        var session = session()
        _ = session.handle("/quiz", renderer: renderer)
        var failed: [Int] = []
        while let id = question(session), [1, 2].contains(id) {
            failed.append(id)
            answerAndRate(&session, rating: "1")
        }
        #expect(failed.sorted() == [1, 2])
        let stats = session.handle("/stats", renderer: renderer).text
        #expect(stats.contains("Retention (30 days) 0% of 2 reviews (2 ratings of new or learning entries not counted)"))
    }

    @Test func cramAnswersAreCountedApartAndKeepNothing() throws {
        var session = session()
        _ = session.handle("/quiz", renderer: renderer)
        answerAndRate(&session, rating: "3", answer: "a reference-free answer")
        _ = session.handle("/cram views", renderer: renderer)
        answerAndRate(&session, rating: "3")
        let reply = answerAndRate(&session, rating: "3")
        #expect(session.tally.quiz.answered == 1 && session.tally.cram.answered == 2)
        #expect(reply.contains("Session: 1 answered, average "))
        #expect(reply.contains("Cram: 2 answered, average ") && reply.contains(", not saved."))
        #expect(try store.reviewCount(corpus: identity) == 1)
        // Leaving mid-cram asks only for an answer not yet graded, and promises nothing kept.
        _ = session.handle("half an answer", renderer: renderer)
        let leaving = session.handle("/quit", renderer: renderer)
        #expect(!leaving.quit)
        #expect(leaving.text.contains("is not graded yet: an empty line grades it (a cram saves nothing)"))
        #expect(!leaving.text.contains("to keep it"))
    }

    @Test func eachRatingButtonGivesADifferentInterval() throws {
        // A new card rated good is one step from graduating: good and easy then both graduate.
        try rate(12, .good, at: Self.start.addingTimeInterval(-600))
        var session = session()
        _ = session.handle("/quiz", renderer: renderer)
        #expect(question(session) == 12)
        _ = session.handle("a model maps a class to a table", renderer: renderer)
        let prompt = session.handle("", renderer: renderer).text
        let intervals = try #require(prompt.components(separatedBy: "Rate it ").last)
        #expect(intervals.contains("[3] good 1d") || intervals.contains("[3] good 2d"))
        #expect(!intervals.contains("[3] good 1d  [4] easy 1d") && !intervals.contains("[3] good 2d  [4] easy 2d"))
        // Over a long history, hard < good < easy wherever they schedule in days.
        let plan = SpacedRepetitionPlan(store: store, corpus: identity, studyDay: StudyDay(calendar: Self.calendar))
        var time = Self.start
        for (index, rating) in [Rating.easy, .good, .hard, .good, .again, .good, .good, .hard, .easy, .good].enumerated() {
            time = time.addingTimeInterval(Double(index + 1) * Self.day)
            let preview = plan.intervals(forEntry: 30, now: time).mapValues { Int(($0.timeIntervalSince(time) / Self.day).rounded()) }
            let card = try store.cards(corpus: identity)[30]?.card
            if card?.state == .review {
                #expect(preview[.hard]! < preview[.good]! && preview[.good]! < preview[.easy]!, "review \(index)")
            }
            try rate(30, rating, at: time)
        }
    }

    @Test func theDayTurnsAt4AmNotMidnight() throws {
        // 23:57, a card due at 00:07 and another at 04:30.
        let lateEvening = Self.start.addingTimeInterval(14 * 3_600 + 57 * 60)
        let studyDay = StudyDay(calendar: Self.calendar)
        #expect(studyDay.start(of: lateEvening) == Self.start.addingTimeInterval(-5 * 3_600))
        #expect(studyDay.start(of: lateEvening, offsetBy: 1) == Self.start.addingTimeInterval(19 * 3_600))
        let cards = Dictionary(
            uniqueKeysWithValues: [
                card(1, due: lateEvening.addingTimeInterval(10 * 60)),
                card(2, due: lateEvening.addingTimeInterval(4 * 3_600 + 33 * 60)),
            ])
        let stats = StudyStatistics(corpus: Self.searcher.corpus, cards: cards, reviews: [], now: lateEvening, studyDay: studyDay)
        #expect(stats.dueLaterToday == 1 && stats.dueTomorrow == 1)
        // At midnight by the calendar both would be tomorrow.
        let midnight = StudyStatistics(
            corpus: Self.searcher.corpus, cards: cards, reviews: [], now: lateEvening, studyDay: StudyDay(calendar: Self.calendar, startHour: 0))
        #expect(midnight.dueLaterToday == 0 && midnight.dueTomorrow == 2)

        // The daily limit too: ten new entries at 23:00 leave none for 02:00; 04:00 starts afresh.
        for id in 1...10 { try rate(id, .easy, at: Self.start.addingTimeInterval(14 * 3_600)) }
        clock.now = Self.start.addingTimeInterval(17 * 3_600)
        #expect(session().banner(renderer).contains("0 new left today"))
        clock.now = Self.start.addingTimeInterval(19 * 3_600)
        #expect(session().banner(renderer).contains("10 new left today"))
    }

    private func card(_ id: Int, due: Date) -> (Int, CardRecord) {
        let card = SchedulingCard(state: .review, step: nil, stability: 3, difficulty: 5, due: due, lastReview: Self.start)
        return (id, CardRecord(entryID: id, card: card, reviews: 1, lapses: 0))
    }
}
