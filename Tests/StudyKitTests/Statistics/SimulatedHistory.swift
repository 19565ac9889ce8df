import Foundation

@testable import StudyKit

/// Drives a real `TutorSession` through many days of `/quiz due` with a clock the test moves,
/// as a learner would: each morning, answer until nothing is due.
final class SimulatedHistory: @unchecked Sendable {
    let searcher = Searcher(corpus: try! BundledCorpus.load())
    let store = ProgressStore.inMemory()
    var now: Date
    var calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
    /// Days turn at midnight here, so that each morning's study is one day.
    var day: StudyDay { StudyDay(calendar: calendar, startHour: 0) }
    private(set) var ratingsGiven = 0
    private(set) var ratingsByDay: [Int] = []

    init(start: Date) { now = start }

    func session(seed: UInt64 = 9) -> TutorSession {
        TutorSession(searcher: searcher, progress: store, seed: seed, clock: { [unowned self] in self.now }, studyDay: day)
    }

    /// One morning: `/quiz due` until the session says nothing is left. `policy` picks the rating
    /// from the entry and its card's state before the answer.
    func studyDay(_ policy: (Int, CardState) -> Rating) {
        var session = session(seed: UInt64(ratingsByDay.count))
        let renderer = TextRenderer(width: 80, style: .plain)
        var reply = session.handle("/quiz due", renderer: renderer)
        var today = 0
        while case .answering(let entry, _) = session.quiz, today < 200 {
            let state = (try? store.cards(corpus: searcher.corpus.identity))?[entry.id]?.card.state ?? .new
            // A half-remembered answer: the reference's opening words.
            _ = session.handle(entry.answer.split(separator: " ").prefix(12).joined(separator: " "), renderer: renderer)
            _ = session.handle("", renderer: renderer)
            now += 90
            reply = session.handle(policy(entry.id, state).name, renderer: renderer)
            today += 1
            if reply.text.contains("Nothing is due") { break }
            // Relearning and learning steps come due within minutes; let them.
            if case .idle = session.quiz {
                now += 600
                reply = session.handle("/quiz due", renderer: renderer)
            }
        }
        ratingsGiven += today
        ratingsByDay.append(today)
    }

    func nextDay() {
        now = calendar.date(byAdding: .day, value: 1, to: calendar.startOfDay(for: now))! + 9 * 3600
    }

    var statistics: StudyStatistics {
        try! StudyStatistics(corpus: searcher.corpus, store: store, now: now, studyDay: day)
    }
}
