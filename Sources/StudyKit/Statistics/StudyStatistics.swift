import Foundation

/// The figures `/stats` shows, computed from the cards and the review log of one corpus.
///
/// A pure function of its inputs (including the clock and the learner's day), so a simulated history of
/// many days gives the same figures in tests as a real one.
public struct StudyStatistics: Sendable, Equatable, Encodable {
    /// An entry counts as mastered once FSRS expects it to be remembered this long.
    public static let masteryStabilityDays = 21.0

    public struct Group: Sendable, Equatable, Encodable {
        public let name: String
        public let entries: Int
        public let reviewed: Int
        public let mastered: Int
        public var mastery: Double { entries > 0 ? Double(mastered) / Double(entries) : 0 }

        enum CodingKeys: String, CodingKey { case name, entries, reviewed, mastered, mastery }
        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(entries, forKey: .entries)
            try container.encode(reviewed, forKey: .reviewed)
            try container.encode(mastered, forKey: .mastered)
            try container.encode((mastery * 1000).rounded() / 1000, forKey: .mastery)
        }
    }

    /// Every rating stored for this corpus.
    public let reviews: Int
    /// Since the learner's day began (at 4 am by default, not midnight).
    public let reviewsToday: Int
    /// The last seven days, today included.
    public let reviewsThisWeek: Int
    public let dueNow: Int
    /// Due after now and before the learner's day ends.
    public let dueLaterToday: Int
    /// Due in the learner's next day (not within 24 hours).
    public let dueTomorrow: Int
    public let entries: Int
    public let started: Int
    /// Of the last 30 days' ratings of learned cards (in review, as Anki's true retention counts
    /// them), the share that were not "again"; nil without any.
    public let retention30Days: Double?
    /// How many ratings `retention30Days` counts.
    public let retentionReviews: Int
    /// The last 30 days' ratings it leaves out: of new cards and of cards in their learning or
    /// relearning steps, which measure minutes-old memory, not retention.
    public let learningRatings30Days: Int
    /// Mean score of the graded answers of the last 30 days.
    public let averageScore: Int?
    public let sections: [Group]
    public let tags: [Group]
    /// Ratings per day for the last 14 days, oldest first.
    public let lastFourteenDays: [Int]
    /// Entries forgotten `CardRecord.leechThreshold` times or more.
    public let leeches: [Int]

    public init(corpus: Corpus, cards: [Int: CardRecord], reviews log: [StoredReview], now: Date, studyDay: StudyDay) {
        let present = Set(corpus.entries.map(\.id))
        let cards = cards.filter { present.contains($0.key) }
        let log = log.filter { present.contains($0.entryID) }
        let today = studyDay.start(of: now)
        let day = { (offset: Int) in studyDay.start(of: now, offsetBy: offset) }

        reviews = log.count
        reviewsToday = log.filter { $0.time >= today }.count
        reviewsThisWeek = log.filter { $0.time >= day(-6) }.count
        dueNow = cards.values.filter { $0.card.due <= now }.count
        dueLaterToday = cards.values.filter { $0.card.due > now && $0.card.due < day(1) }.count
        dueTomorrow = cards.values.filter { $0.card.due >= day(1) && $0.card.due < day(2) }.count
        entries = corpus.entries.count
        started = cards.count

        let recent = log.filter { $0.time >= day(-29) }
        let recalled = recent.filter { $0.stateBefore == .review }
        retentionReviews = recalled.count
        learningRatings30Days = recent.count - recalled.count
        retention30Days =
            recalled.isEmpty
            ? nil
            : Double(recalled.filter { $0.rating != .again }.count) / Double(recalled.count)
        let scores = recent.compactMap(\.score)
        averageScore = scores.isEmpty ? nil : Int((Double(scores.reduce(0, +)) / Double(scores.count)).rounded())

        let group = { (name: String, members: [Entry]) -> Group in
            let records = members.compactMap { cards[$0.id] }
            return Group(
                name: name, entries: members.count, reviewed: records.count,
                mastered: records.filter { ($0.card.stability ?? 0) >= Self.masteryStabilityDays }.count)
        }
        sections = corpus.sections.map { group($0, corpus.entries(inSection: $0)) }
        tags = corpus.tagCounts.map { group($0.tag, corpus.entries(taggedWith: $0.tag)) }
        lastFourteenDays = (-13...0).map { offset in
            log.filter { $0.time >= day(offset) && $0.time < day(offset + 1) }.count
        }
        leeches = cards.values.filter(\.isLeech).map(\.entryID).sorted()
    }
}

extension StudyStatistics {
    /// The figures for `corpus` from what `store` holds.
    public init(corpus: Corpus, store: ProgressStore, now: Date, studyDay: StudyDay) throws {
        self.init(
            corpus: corpus, cards: try store.cards(corpus: corpus.identity),
            reviews: try store.reviews(corpus: corpus.identity), now: now, studyDay: studyDay)
    }
}
