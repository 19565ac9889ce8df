import Foundation

/// Settings of an `FSRSScheduler`, with py-fsrs 6.3.2's `Scheduler` defaults.
public struct FSRSParameters: Sendable, Equatable, Hashable, Codable {
    /// py-fsrs `DEFAULT_PARAMETERS`: the 21 FSRS-6 model weights w0...w20
    /// (w20 is the forgetting curve's decay).
    public static let defaultWeights: [Double] = [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ]

    /// py-fsrs `LOWER_BOUNDS_PARAMETERS` / `UPPER_BOUNDS_PARAMETERS`.
    static let weightLowerBounds: [Double] = [
        0.001, 0.001, 0.001, 0.001, 1.0, 0.001, 0.001, 0.001, 0.0, 0.0, 0.001,
        0.001, 0.001, 0.001, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.1,
    ]
    static let weightUpperBounds: [Double] = [
        100.0, 100.0, 100.0, 100.0, 10.0, 4.0, 4.0, 0.75, 4.5, 0.8, 3.5,
        5.0, 0.25, 0.9, 4.0, 1.0, 6.0, 2.0, 2.0, 0.8, 0.8,
    ]

    /// The model weights; must hold `defaultWeights.count` values within bounds.
    public var weights: [Double]
    /// The probability of recall the review intervals aim for.
    public var desiredRetention: Double
    /// Intervals after each learning step (default 1 min, 10 min).
    public var learningSteps: [TimeInterval]
    /// Intervals after each relearning step (default 10 min).
    public var relearningSteps: [TimeInterval]
    /// The longest review interval, in days.
    public var maximumIntervalDays: Int
    /// Whether review intervals of 3 days or more get random fuzz
    /// (on by default, as in py-fsrs).
    public var enableFuzzing: Bool

    public init(
        weights: [Double] = FSRSParameters.defaultWeights,
        desiredRetention: Double = 0.9,
        learningSteps: [TimeInterval] = [60, 600],
        relearningSteps: [TimeInterval] = [600],
        maximumIntervalDays: Int = 36500,
        enableFuzzing: Bool = true
    ) {
        self.weights = weights
        self.desiredRetention = desiredRetention
        self.learningSteps = learningSteps
        self.relearningSteps = relearningSteps
        self.maximumIntervalDays = maximumIntervalDays
        self.enableFuzzing = enableFuzzing
    }

    /// Problems with these settings, empty if none: weights outside py-fsrs's
    /// bounds (which py-fsrs rejects), a desired retention outside (0, 1), or a
    /// maximum interval under one day.
    public var validationErrors: [String] {
        guard weights.count == Self.defaultWeights.count else {
            return ["expected \(Self.defaultWeights.count) weights, got \(weights.count)"]
        }
        var errors: [String] = []
        for (index, weight) in weights.enumerated()
        where !(Self.weightLowerBounds[index] <= weight && weight <= Self.weightUpperBounds[index]) {
            errors.append(
                "weights[\(index)] = \(weight) is out of bounds "
                    + "(\(Self.weightLowerBounds[index]), \(Self.weightUpperBounds[index]))"
            )
        }
        if !(desiredRetention > 0 && desiredRetention < 1) {
            errors.append("desiredRetention = \(desiredRetention) must be between 0 and 1")
        }
        if maximumIntervalDays < 1 {
            errors.append("maximumIntervalDays = \(maximumIntervalDays) must be at least 1")
        }
        return errors
    }
}
