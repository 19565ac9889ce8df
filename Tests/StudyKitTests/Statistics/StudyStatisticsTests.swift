import Foundation
import Testing

@testable import StudyKit

@Suite("StudyStatistics")
struct StudyStatisticsTests {
    /// 30 mornings: entry 21 is always forgotten once learnt (a leech in the making);
    /// Advanced entries are hard once learnt; everything else is recalled well.
    static func aMonth() -> SimulatedHistory {
        let history = SimulatedHistory(start: Date(timeIntervalSince1970: 1_790_000_000))
        for day in 0..<30 {
            if day > 0 { history.nextDay() }
            history.studyDay { entry, state in
                if entry == 21 { return state == .review ? .again : .good }
                if entry >= 25 { return state == .review ? .hard : .good }
                return entry % 5 == 0 ? .easy : .good
            }
        }
        return history
    }

    static let history = aMonth()

    @Test func countsEveryRatingGiven() {
        let stats = Self.history.statistics
        #expect(stats.reviews == Self.history.ratingsGiven)
        #expect(stats.reviewsToday == Self.history.ratingsByDay.last)
        #expect(stats.reviewsThisWeek == Self.history.ratingsByDay.suffix(7).reduce(0, +))
        #expect(stats.lastFourteenDays == Array(Self.history.ratingsByDay.suffix(14)))
    }

    @Test func newEntriesArriveTenADay() {
        let stats = Self.history.statistics
        #expect(stats.started == 35)
        #expect(stats.entries == 35)
        #expect(Self.history.ratingsByDay[0] >= 10)
        let firstReviews = try! Self.history.store.reviews(corpus: Self.history.searcher.corpus.identity)
            .filter { $0.stateBefore == .new }
        let perDay = Dictionary(grouping: firstReviews) { Self.history.calendar.startOfDay(for: $0.time) }
        #expect(perDay.values.allSatisfy { $0.count <= 10 })
        #expect(perDay.count == 4)
    }

    @Test func nothingIsDueRightAfterAMorningsWork() {
        #expect(Self.history.statistics.dueNow == 0)
    }

    @Test func theForgottenEntryBecomesALeech() throws {
        let stats = Self.history.statistics
        #expect(stats.leeches == [21])
        let card = try #require(try Self.history.store.cards(corpus: Self.history.searcher.corpus.identity)[21])
        #expect(card.lapses >= CardRecord.leechThreshold)
    }

    @Test func retentionReflectsTheForgottenReviews() throws {
        let log = try Self.history.store.reviews(corpus: Self.history.searcher.corpus.identity)
        let cutoff = Self.history.calendar.date(byAdding: .day, value: -29, to: Self.history.calendar.startOfDay(for: Self.history.now))!
        let recalled = log.filter { $0.time >= cutoff && $0.stateBefore == .review }
        let expected = Double(recalled.filter { $0.rating != .again }.count) / Double(recalled.count)
        let retention = try #require(Self.history.statistics.retention30Days)
        #expect(abs(retention - expected) < 1e-12)
        #expect(retention > 0.5 && retention < 1)
    }

    @Test func masteryGrowsWhereRecallIsGood() throws {
        let stats = Self.history.statistics
        let beginner = try #require(stats.sections.first { $0.name == "Beginner" })
        let advanced = try #require(stats.sections.first { $0.name == "Advanced" })
        #expect(beginner.reviewed == 19)
        #expect(beginner.mastery > advanced.mastery)
        #expect(stats.tags.count == Self.history.searcher.corpus.tagCounts.count)
    }

    @Test func rendersWithBarsHeatmapAndLeeches() {
        let text = TextRenderer(width: 80, style: .plain).statistics(Self.history.statistics, corpus: Self.history.searcher.corpus)
        #expect(text.hasPrefix("Reviews today \(Self.history.ratingsByDay.last!) · this week "))
        #expect(text.contains("\n  Beginner      "))
        #expect(text.contains("█"))
        #expect(text.contains("Last 14 days  "))
        #expect(text.contains("Leeches (forgotten 8+ times; first in /quiz weak)\n  #21  What are Q objects"))
        if ProcessInfo.processInfo.environment["DJANGO_TUTOR_SHOW_STATS"] != nil { print(text) }
    }

    @Test func jsonHasTheTotalAsReviews() throws {
        let json = JSONOutput.statistics(Self.history.statistics)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["reviews"] as? Int == Self.history.ratingsGiven)
        #expect((object["sections"] as? [[String: Any]])?.count == 3)
        #expect(object["leeches"] as? [Int] == [21])
    }

    @Test func removedEntriesAreLeftOut() throws {
        let history = Self.history
        let smaller = Corpus(
            title: history.searcher.corpus.title, sections: history.searcher.corpus.sections,
            entries: history.searcher.corpus.entries.filter { $0.id != 21 }, source: "test")
        let stats = StudyStatistics(
            corpus: smaller, cards: try history.store.cards(corpus: smaller.identity),
            reviews: try history.store.reviews(corpus: smaller.identity), now: history.now, studyDay: history.day)
        #expect(stats.leeches.isEmpty)
        #expect(stats.started == 34)
    }

    @Test func sparklineScalesToTheBusiestDay() {
        #expect(TextRenderer.sparkline([0, 1, 2, 4, 8]) == "·▁▂▄█")
    }
}

@Suite("StudyStatistics due dates")
struct StudyStatisticsDueTests {
    @Test func dueInMinutesIsLaterTodayNotTomorrow() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let corpus = try BundledCorpus.load()
        let now = Date(timeIntervalSince1970: 1_741_597_200)  // Monday 09:00 UTC
        func card(_ id: Int, dueIn seconds: TimeInterval) -> (Int, CardRecord) {
            var card = SchedulingCard.new(due: now.addingTimeInterval(seconds))
            card.state = .learning
            return (id, CardRecord(entryID: id, card: card, reviews: 1, lapses: 0))
        }
        let cards = Dictionary(uniqueKeysWithValues: [
            card(1, dueIn: -60), card(2, dueIn: 10 * 60), card(3, dueIn: 14 * 3_600),  // today, 23:00
            card(4, dueIn: 16 * 3_600), card(5, dueIn: 30 * 3_600),  // tomorrow 01:00 and 15:00
            card(6, dueIn: 40 * 3_600),  // Wednesday
        ])
        let stats = StudyStatistics(corpus: corpus, cards: cards, reviews: [], now: now, studyDay: StudyDay(calendar: calendar, startHour: 0))
        #expect(stats.dueNow == 1)
        #expect(stats.dueLaterToday == 2)
        #expect(stats.dueTomorrow == 2)
        let text = TextRenderer(width: 100, style: .plain).statistics(stats, corpus: corpus)
        #expect(text.contains("due now 1 · later today 2 · tomorrow 2"))
    }
}
