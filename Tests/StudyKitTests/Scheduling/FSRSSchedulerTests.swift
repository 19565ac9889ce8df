import Foundation
import Testing

@testable import StudyKit

// MARK: - Replaying py-fsrs's results (Tests/StudyKitTests/Fixtures/fsrs-reviews.json,
// written by scripts/generate-fsrs-fixture)

private struct Fixture: Decodable {
    struct SchedulerSettings: Decodable {
        let parameters: [Double]
        let desiredRetention: Double
        let learningSteps: [Double]
        let relearningSteps: [Double]
        let maximumInterval: Int
        let enableFuzzing: Bool
    }

    struct ReviewSequence: Decodable {
        let created: Double
        let reviews: [Review]
    }

    struct Review: Decodable {
        let rating: Int
        let time: Double
        let retrievability: Double
        let state: String
        let step: Int?
        let stability: Double
        let difficulty: Double
        let due: Double
        /// Only in `fuzzed_sequences`: the `random()` value py-fsrs drew, if any.
        let fuzz: Double?
    }

    let fsrsVersion: String
    let scheduler: SchedulerSettings
    let sequences: [ReviewSequence]
    let fuzzedSequences: [ReviewSequence]

    static let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Scheduling
        .deletingLastPathComponent()  // StudyKitTests
        .appendingPathComponent("Fixtures/fsrs-reviews.json")

    static func load() throws -> Fixture {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(Fixture.self, from: Data(contentsOf: url))
    }
}

private func epochMilliseconds(_ date: Date) -> Int64 {
    Int64((date.timeIntervalSince1970 * 1000).rounded())
}

private func epochMilliseconds(_ seconds: Double) -> Int64 {
    Int64((seconds * 1000).rounded())
}

/// Replays `sequence` through `scheduler`, feeding each result into the next
/// review, and describes the first way it differs from py-fsrs (nil if none).
private func firstMismatch(
    in sequence: Fixture.ReviewSequence,
    index: Int,
    label: String,
    scheduler: FSRSScheduler,
    fuzzed: Bool
) -> String? {
    let tolerance = 1e-6
    var card = SchedulingCard.new(due: Date(timeIntervalSince1970: sequence.created))
    for (step, expected) in sequence.reviews.enumerated() {
        let at = Date(timeIntervalSince1970: expected.time)
        let context = "\(label)[\(index)] review \(step) (rating \(expected.rating) at \(expected.time))"
        guard let rating = Rating(rawValue: expected.rating) else {
            return "\(context): bad rating in fixture"
        }

        let retrievability = scheduler.retrievability(of: card, at: at)
        if abs(retrievability - expected.retrievability) > tolerance {
            return "\(context): retrievability \(retrievability), py-fsrs \(expected.retrievability)"
        }

        var draws = 0
        card = scheduler.review(
            card, rating: rating, at: at,
            unitRandom: {
                draws += 1
                return expected.fuzz ?? 0
            })
        if fuzzed, draws != (expected.fuzz == nil ? 0 : 1) {
            return "\(context): drew \(draws) random numbers, py-fsrs drew \(expected.fuzz == nil ? 0 : 1)"
        }

        var problems: [String] = []
        if card.state.rawValue != expected.state {
            problems.append("state \(card.state.rawValue) ≠ \(expected.state)")
        }
        if card.step != expected.step {
            problems.append("step \(card.step.map(String.init) ?? "nil") ≠ \(expected.step.map(String.init) ?? "nil")")
        }
        if let stability = card.stability, abs(stability - expected.stability) <= tolerance {
        } else {
            problems.append("stability \(card.stability.map { "\($0)" } ?? "nil") ≠ \(expected.stability)")
        }
        if let difficulty = card.difficulty, abs(difficulty - expected.difficulty) <= tolerance {
        } else {
            problems.append("difficulty \(card.difficulty.map { "\($0)" } ?? "nil") ≠ \(expected.difficulty)")
        }
        if epochMilliseconds(card.due) != epochMilliseconds(expected.due) {
            problems.append("due \(card.due.timeIntervalSince1970) ≠ \(expected.due)")
        }
        if card.lastReview != at {
            problems.append("lastReview \(String(describing: card.lastReview)) ≠ \(at)")
        }
        if !problems.isEmpty {
            return "\(context): " + problems.joined(separator: ", ")
        }
    }
    return nil
}

/// SplitMix64: a tiny seeded generator for reproducible fuzz.
private struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("FSRSScheduler")
struct FSRSSchedulerTests {
    @Test func fixtureMatchesOurDefaults() throws {
        let fixture = try Fixture.load()
        let defaults = FSRSParameters()
        #expect(fixture.scheduler.parameters == defaults.weights)
        #expect(fixture.scheduler.desiredRetention == defaults.desiredRetention)
        #expect(fixture.scheduler.learningSteps == defaults.learningSteps)
        #expect(fixture.scheduler.relearningSteps == defaults.relearningSteps)
        #expect(fixture.scheduler.maximumInterval == defaults.maximumIntervalDays)
        #expect(fixture.scheduler.enableFuzzing == false)
        #expect(defaults.validationErrors.isEmpty)
    }

    @Test func fixtureCoversEnoughSequencesAndAllRatings() throws {
        let fixture = try Fixture.load()
        #expect(fixture.sequences.count >= 200)
        #expect(fixture.sequences.allSatisfy { (1...15).contains($0.reviews.count) })
        let ratings = Set(fixture.sequences.flatMap { $0.reviews.map(\.rating) })
        #expect(ratings == [1, 2, 3, 4])
    }

    @Test func replaysEveryPyFSRSSequence() throws {
        let fixture = try Fixture.load()
        let scheduler = FSRSScheduler(parameters: FSRSParameters(enableFuzzing: false))
        let mismatches = fixture.sequences.enumerated().compactMap { index, sequence in
            firstMismatch(in: sequence, index: index, label: "sequences", scheduler: scheduler, fuzzed: false)
        }
        let reviewCount = fixture.sequences.reduce(0) { $0 + $1.reviews.count }
        if !mismatches.isEmpty {
            Issue.record(
                """
                \(mismatches.count) of \(fixture.sequences.count) sequences (\(reviewCount) reviews) \
                differ from py-fsrs \(fixture.fsrsVersion); first ones:
                \(mismatches.prefix(10).joined(separator: "\n"))
                """
            )
        }
    }

    @Test func replaysFuzzedPyFSRSSequencesWithTheSameRandomDraws() throws {
        let fixture = try Fixture.load()
        #expect(fixture.fuzzedSequences.contains { $0.reviews.contains { $0.fuzz != nil } })
        let scheduler = FSRSScheduler(parameters: FSRSParameters(enableFuzzing: true))
        let mismatches = fixture.fuzzedSequences.enumerated().compactMap { index, sequence in
            firstMismatch(in: sequence, index: index, label: "fuzzed_sequences", scheduler: scheduler, fuzzed: true)
        }
        if !mismatches.isEmpty {
            Issue.record(
                """
                \(mismatches.count) of \(fixture.fuzzedSequences.count) fuzzed sequences differ from \
                py-fsrs \(fixture.fsrsVersion); first ones:
                \(mismatches.prefix(10).joined(separator: "\n"))
                """
            )
        }
    }

    // MARK: - Readable examples with the default parameters

    let start = Date(timeIntervalSince1970: 1_735_689_600)  // 2025-01-01T00:00:00Z
    let unfuzzed = FSRSScheduler(parameters: FSRSParameters(enableFuzzing: false))

    @Test func newCardIsNeverReviewed() {
        let card = SchedulingCard.new(due: start)
        #expect(card.state == .new)
        #expect(card.step == 0)
        #expect(card.stability == nil && card.difficulty == nil && card.lastReview == nil)
        #expect(card.due == start)
        #expect(unfuzzed.retrievability(of: card, at: start) == 0)
    }

    @Test func newCardRatedGoodMovesToTheSecondLearningStep() throws {
        let card = unfuzzed.review(.new(due: start), rating: .good, at: start)
        #expect(card.state == .learning)
        #expect(card.step == 1)
        #expect(card.due == start.addingTimeInterval(10 * 60))
        #expect(card.lastReview == start)
        #expect(try #require(card.stability) == 2.3065)  // w2
        #expect(abs(try #require(card.difficulty) - 2.118103970459016) < 1e-12)
    }

    @Test func newCardRatedAgainOrHardStaysOnTheFirstLearningStep() {
        let again = unfuzzed.review(.new(due: start), rating: .again, at: start)
        #expect(again.state == .learning && again.step == 0)
        #expect(again.due == start.addingTimeInterval(60))

        let hard = unfuzzed.review(.new(due: start), rating: .hard, at: start)
        #expect(hard.state == .learning && hard.step == 0)
        #expect(hard.due == start.addingTimeInterval(330))  // halfway between 1 and 10 minutes
    }

    @Test func newCardRatedEasyGraduatesStraightToReview() {
        let card = unfuzzed.review(.new(due: start), rating: .easy, at: start)
        #expect(card.state == .review)
        #expect(card.step == nil)
        #expect(card.stability == 8.2956)  // w3; at 90% retention the interval is about the stability
        #expect(card.due == start.addingTimeInterval(8 * 86_400))
    }

    @Test func forgettingAReviewCardStartsRelearning() {
        var card = unfuzzed.review(.new(due: start), rating: .easy, at: start)
        card = unfuzzed.review(card, rating: .again, at: card.due)
        #expect(card.state == .relearning)
        #expect(card.step == 0)
        #expect(card.due == start.addingTimeInterval(8 * 86_400 + 600))
    }

    @Test func retrievabilityIsNinetyPercentAfterStabilityDays() {
        var card = unfuzzed.review(.new(due: start), rating: .easy, at: start)
        card.stability = 10
        #expect(unfuzzed.retrievability(of: card, at: start) == 1)
        let tenDaysLater = start.addingTimeInterval(10 * 86_400)
        #expect(abs(unfuzzed.retrievability(of: card, at: tenDaysLater) - 0.9) < 1e-12)
        // Only whole days count.
        #expect(
            unfuzzed.retrievability(of: card, at: tenDaysLater.addingTimeInterval(-1))
                == unfuzzed.retrievability(of: card, at: start.addingTimeInterval(9 * 86_400)))
    }

    @Test func wholeDaysRoundDownLikePythonTimedelta() {
        #expect(FSRSScheduler.wholeDays(from: start, to: start.addingTimeInterval(86_399)) == 0)
        #expect(FSRSScheduler.wholeDays(from: start, to: start.addingTimeInterval(86_400)) == 1)
        #expect(FSRSScheduler.wholeDays(from: start, to: start.addingTimeInterval(-1)) == -1)
    }

    // MARK: - Fuzzing

    @Test func fuzzIsReproducibleWithASeededGeneratorAndStaysNearTheInterval() {
        let fuzzing = FSRSScheduler()
        #expect(fuzzing.parameters.enableFuzzing)  // py-fsrs's default
        var card = unfuzzed.review(.new(due: start), rating: .easy, at: start)
        card = unfuzzed.review(card, rating: .good, at: card.due)
        let reviewAt = card.due
        let plain = unfuzzed.review(card, rating: .good, at: reviewAt)
        let plainDays = plain.due.timeIntervalSince(reviewAt) / 86_400

        var first = SeededGenerator(state: 42)
        var second = SeededGenerator(state: 42)
        let a = fuzzing.review(card, rating: .good, at: reviewAt, using: &first)
        let b = fuzzing.review(card, rating: .good, at: reviewAt, using: &second)
        #expect(a == b)
        #expect(a.stability == plain.stability && a.difficulty == plain.difficulty)
        let fuzzedDays = a.due.timeIntervalSince(reviewAt) / 86_400
        #expect(fuzzedDays == fuzzedDays.rounded())
        #expect(abs(fuzzedDays - plainDays) <= max(1, plainDays * 0.1))
    }

    @Test func shortIntervalsAreNotFuzzed() {
        let fuzzing = FSRSScheduler()
        #expect(fuzzing.fuzzedIntervalDays(1, unitRandom: { 0.99 }) == 1)
        #expect(fuzzing.fuzzedIntervalDays(2, unitRandom: { 0.99 }) == 2)
        #expect((2...4).contains(fuzzing.fuzzedIntervalDays(3, unitRandom: { 0.5 })))
    }

    // MARK: - Rating input

    @Test(arguments: [
        ("1", Rating.again), ("2", .hard), ("3", .good), ("4", .easy),
        ("again", .again), ("Hard", .hard), ("Good", .good), ("EASY", .easy), (" good\n", .good),
    ])
    func ratingParsesDigitsAndNames(input: String, expected: Rating) {
        #expect(Rating(userInput: input) == expected)
    }

    @Test(arguments: ["", "0", "5", "gut", "3.0", "go od"])
    func ratingRejectsOtherInput(input: String) {
        #expect(Rating(userInput: input) == nil)
    }

    @Test func schedulingCardRoundTripsThroughCodable() throws {
        let card = unfuzzed.review(.new(due: start), rating: .good, at: start)
        let decoded = try JSONDecoder().decode(SchedulingCard.self, from: JSONEncoder().encode(card))
        #expect(decoded == card)
    }
}
