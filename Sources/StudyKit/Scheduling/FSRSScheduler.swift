import Foundation

/// The FSRS spaced-repetition scheduler, a port of py-fsrs 6.3.2's `Scheduler`.
///
/// Pure: no I/O and no clock; every time is passed in. With fuzzing off the
/// results match py-fsrs exactly (see `scripts/generate-fsrs-fixture` and the
/// fixture-replay tests).
public struct FSRSScheduler: Sendable {
    public let parameters: FSRSParameters

    /// The forgetting curve's decay, `-w20`.
    let decay: Double
    /// Chosen so that retrievability is 0.9 when elapsed days equal stability.
    let factor: Double

    static let minimumStability = 0.001
    static let difficultyRange = 1.0...10.0
    static let secondsPerDay: TimeInterval = 86_400
    /// `math.e` as py-fsrs uses it (`math.e ** x`, i.e. `pow`, not `exp`).
    static let e = 2.718281828459045

    /// - Precondition: `parameters.weights` holds `FSRSParameters.defaultWeights.count` values.
    public init(parameters: FSRSParameters = FSRSParameters()) {
        precondition(
            parameters.weights.count == FSRSParameters.defaultWeights.count,
            "FSRS needs \(FSRSParameters.defaultWeights.count) weights, got \(parameters.weights.count)"
        )
        self.parameters = parameters
        decay = -parameters.weights[20]
        factor = pow(0.9, 1 / decay) - 1
    }

    // MARK: - Public API

    /// The predicted probability of recalling `card` at `date`; 0 for a card
    /// never reviewed. Like py-fsrs, counts only whole days since the last review.
    public func retrievability(of card: SchedulingCard, at date: Date) -> Double {
        guard let lastReview = card.lastReview, let stability = card.stability else { return 0 }
        let elapsedDays = max(0, Self.wholeDays(from: lastReview, to: date))
        return pow(1 + factor * Double(elapsedDays) / stability, decay)
    }

    /// Reviews `card` with `rating` at `date` and returns the updated card.
    /// If fuzzing is on, review intervals are fuzzed with the system's random
    /// numbers; use `review(_:rating:at:using:)` for reproducible results.
    public func review(_ card: SchedulingCard, rating: Rating, at date: Date) -> SchedulingCard {
        var generator = SystemRandomNumberGenerator()
        return review(card, rating: rating, at: date, using: &generator)
    }

    /// Reviews `card` with `rating` at `date`, drawing any interval fuzz from `generator`.
    public func review<Generator: RandomNumberGenerator>(
        _ card: SchedulingCard,
        rating: Rating,
        at date: Date,
        using generator: inout Generator
    ) -> SchedulingCard {
        review(card, rating: rating, at: date, unitRandom: { Double.random(in: 0..<1, using: &generator) })
    }

    // MARK: - Review

    /// The review itself. `unitRandom` stands for py-fsrs's `random.random()`
    /// (a value in [0, 1)) and is called at most once, only when fuzzing applies.
    func review(
        _ card: SchedulingCard,
        rating: Rating,
        at date: Date,
        unitRandom: () -> Double
    ) -> SchedulingCard {
        var next = card
        let daysSinceLastReview = card.lastReview.map { Self.wholeDays(from: $0, to: date) }

        // Memory state. py-fsrs sets the initial values only for a learning card
        // without them; a review or relearning card always has them.
        if let stability = card.stability, let difficulty = card.difficulty {
            if let days = daysSinceLastReview, days < 1 {
                next.stability = shortTermStability(stability, rating: rating)
            } else {
                next.stability = nextStability(
                    difficulty: difficulty,
                    stability: stability,
                    retrievability: retrievability(of: card, at: date),
                    rating: rating
                )
            }
            next.difficulty = nextDifficulty(difficulty, rating: rating)
        } else {
            next.stability = initialStability(rating)
            next.difficulty = initialDifficulty(rating, clamped: true)
        }
        let stability = next.stability!

        // State, step and interval.
        var interval: TimeInterval
        switch card.state {
        case .new, .learning:
            next.state = .learning
            interval = advanceSteps(&next, steps: parameters.learningSteps, rating: rating, stability: stability)
        case .relearning:
            interval = advanceSteps(&next, steps: parameters.relearningSteps, rating: rating, stability: stability)
        case .review:
            if rating == .again, let firstStep = parameters.relearningSteps.first {
                next.state = .relearning
                next.step = 0
                interval = firstStep
            } else {
                interval = Double(nextIntervalDays(stability: stability)) * Self.secondsPerDay
            }
        }

        if parameters.enableFuzzing && next.state == .review {
            let days = Int((interval / Self.secondsPerDay).rounded(.down))
            let fuzzedDays = fuzzedIntervalDays(days, unitRandom: unitRandom)
            if fuzzedDays != days {
                interval = Double(fuzzedDays) * Self.secondsPerDay
            }
        }

        next.due = date.addingTimeInterval(interval)
        next.lastReview = date
        return next
    }

    /// Moves a learning or relearning card through `steps` and returns the interval
    /// until it is due; graduates it to review when the steps are done.
    private func advanceSteps(
        _ card: inout SchedulingCard,
        steps: [TimeInterval],
        rating: Rating,
        stability: Double
    ) -> TimeInterval {
        let step = card.step ?? 0
        func graduate() -> TimeInterval {
            card.state = .review
            card.step = nil
            return Double(nextIntervalDays(stability: stability)) * Self.secondsPerDay
        }

        // Also covers a card scheduled earlier with more steps than there are now.
        if steps.isEmpty || (step >= steps.count && rating != .again) {
            return graduate()
        }
        switch rating {
        case .again:
            card.step = 0
            return steps[0]
        case .hard:
            // The step stays the same.
            if step == 0 && steps.count == 1 {
                return Self.wholeMicroseconds(steps[0] * 1.5)
            } else if step == 0 {
                return Self.wholeMicroseconds((steps[0] + steps[1]) / 2)
            } else {
                return steps[step]
            }
        case .good:
            if step + 1 == steps.count {
                return graduate()
            }
            card.step = step + 1
            return steps[step + 1]
        case .easy:
            return graduate()
        }
    }

    // MARK: - FSRS formulas (same operation order as py-fsrs, for bit-for-bit results)

    private var w: [Double] { parameters.weights }

    func initialStability(_ rating: Rating) -> Double {
        clampStability(w[rating.rawValue - 1])
    }

    func initialDifficulty(_ rating: Rating, clamped: Bool) -> Double {
        let difficulty = w[4] - pow(Self.e, w[5] * Double(rating.rawValue - 1)) + 1
        return clamped ? clampDifficulty(difficulty) : difficulty
    }

    /// The review interval in whole days: rounded half to even like Python's
    /// `round`, at least 1 and at most the maximum interval.
    func nextIntervalDays(stability: Double) -> Int {
        let days = (stability / factor) * (pow(parameters.desiredRetention, 1 / decay) - 1)
        let rounded = Int(days.rounded(.toNearestOrEven))
        return min(max(rounded, 1), parameters.maximumIntervalDays)
    }

    /// Stability after a review less than a day after the previous one.
    func shortTermStability(_ stability: Double, rating: Rating) -> Double {
        var increase = pow(Self.e, w[17] * (Double(rating.rawValue - 3) + w[18])) * pow(stability, -w[19])
        if rating != .again {
            increase = max(increase, 1.0)
        }
        return clampStability(stability * increase)
    }

    func nextDifficulty(_ difficulty: Double, rating: Rating) -> Double {
        let meanReversionTarget = initialDifficulty(.easy, clamped: false)
        let delta = -(w[6] * Double(rating.rawValue - 3))
        let damped = difficulty + (10.0 - difficulty) * delta / 9.0
        return clampDifficulty(w[7] * meanReversionTarget + (1 - w[7]) * damped)
    }

    func nextStability(difficulty: Double, stability: Double, retrievability: Double, rating: Rating) -> Double {
        let next: Double
        if rating == .again {
            next = nextForgetStability(difficulty: difficulty, stability: stability, retrievability: retrievability)
        } else {
            next = nextRecallStability(
                difficulty: difficulty, stability: stability, retrievability: retrievability, rating: rating)
        }
        return clampStability(next)
    }

    func nextForgetStability(difficulty: Double, stability: Double, retrievability: Double) -> Double {
        let longTerm =
            w[11] * pow(difficulty, -w[12]) * (pow(stability + 1, w[13]) - 1)
            * pow(Self.e, (1 - retrievability) * w[14])
        let shortTerm = stability / pow(Self.e, w[17] * w[18])
        return min(longTerm, shortTerm)
    }

    func nextRecallStability(difficulty: Double, stability: Double, retrievability: Double, rating: Rating) -> Double {
        let hardPenalty = rating == .hard ? w[15] : 1
        let easyBonus = rating == .easy ? w[16] : 1
        return stability
            * (1 + pow(Self.e, w[8]) * (11 - difficulty) * pow(stability, -w[9])
                * (pow(Self.e, (1 - retrievability) * w[10]) - 1) * hardPenalty * easyBonus)
    }

    func clampStability(_ stability: Double) -> Double {
        max(stability, Self.minimumStability)
    }

    func clampDifficulty(_ difficulty: Double) -> Double {
        min(max(difficulty, Self.difficultyRange.lowerBound), Self.difficultyRange.upperBound)
    }

    // MARK: - Fuzz

    /// py-fsrs `FUZZ_RANGES`: (start, end, factor) in days.
    static let fuzzRanges: [(start: Double, end: Double, factor: Double)] = [
        (2.5, 7.0, 0.15),
        (7.0, 20.0, 0.1),
        (20.0, .infinity, 0.05),
    ]

    /// A review interval of `days` with random fuzz: unchanged under 2.5 days,
    /// otherwise a whole number of days in a range around it that widens with it.
    func fuzzedIntervalDays(_ days: Int, unitRandom: () -> Double) -> Int {
        if Double(days) < 2.5 { return days }
        var delta = 1.0
        for range in Self.fuzzRanges {
            delta += range.factor * max(min(Double(days), range.end) - range.start, 0.0)
        }
        var minimum = Int((Double(days) - delta).rounded(.toNearestOrEven))
        var maximum = Int((Double(days) + delta).rounded(.toNearestOrEven))
        minimum = max(2, minimum)
        maximum = min(maximum, parameters.maximumIntervalDays)
        minimum = min(minimum, maximum)
        let fuzzed = unitRandom() * Double(maximum - minimum + 1) + Double(minimum)
        return min(Int(fuzzed.rounded(.toNearestOrEven)), parameters.maximumIntervalDays)
    }

    // MARK: - Time

    /// Whole days from `start` to `end`, rounded down like Python's `timedelta.days`
    /// (so negative when `end` is before `start`), computed on whole microseconds.
    static func wholeDays(from start: Date, to end: Date) -> Int {
        let microseconds = Int64((end.timeIntervalSince(start) * 1_000_000).rounded())
        let microsecondsPerDay: Int64 = 86_400_000_000
        var days = microseconds / microsecondsPerDay
        if microseconds % microsecondsPerDay != 0 && microseconds < 0 {
            days -= 1
        }
        return Int(days)
    }

    /// `interval` rounded to whole microseconds, as Python's `timedelta` arithmetic does.
    static func wholeMicroseconds(_ interval: TimeInterval) -> TimeInterval {
        (interval * 1_000_000).rounded(.toNearestOrEven) / 1_000_000
    }
}
