import Foundation

/// What waits in the schedule, for the banner and each `/quiz`: "4 due · 6 new left today".
public struct QuizOutlook: Sendable, Equatable {
    public let due: Int
    public let newLeftToday: Int
    /// The earliest due date still in the future.
    public let nextDue: Date?

    /// `4 due · 6 new left today`, or `nothing due · 6 new left today · next review in 3 hours`.
    public func summary(now: Date) -> String {
        var parts = [due == 0 ? "nothing due" : "\(due) due", "\(newLeftToday) new left today"]
        if due == 0, let nextDue { parts.append("next review " + RelativeTime.describe(nextDue, from: now)) }
        return parts.joined(separator: " · ")
    }
}
