import Foundation

extension FSRSScheduler {
    /// The card after each rating, as `review` makes it, except that a passing rating scheduling
    /// in days comes back at least a day after the passing rating below it: hard < good < easy,
    /// as Anki constrains FSRS's intervals, so that each button means something different (FSRS
    /// alone can give good and easy the same day, which the fixture tests keep it doing).
    ///
    /// Each rating draws its fuzz from a fresh `fuzz()`, as a single review would.
    func distinctOutcomes(of card: SchedulingCard, at date: Date, fuzz: () -> SeededGenerator) -> [Rating: SchedulingCard] {
        var outcomes: [Rating: SchedulingCard] = [:]
        for rating in Rating.allCases {
            var generator = fuzz()
            outcomes[rating] = review(card, rating: rating, at: date, using: &generator)
        }
        var shortest: Int?
        for rating in [Rating.hard, .good, .easy] {
            guard var outcome = outcomes[rating], outcome.state == .review else { continue }
            var days = Int((outcome.due.timeIntervalSince(date) / Self.secondsPerDay).rounded())
            if let shortest, days < shortest {
                days = shortest
                outcome.due = date.addingTimeInterval(Double(days) * Self.secondsPerDay)
                outcomes[rating] = outcome
            }
            shortest = min(days + 1, parameters.maximumIntervalDays)
        }
        return outcomes
    }
}
