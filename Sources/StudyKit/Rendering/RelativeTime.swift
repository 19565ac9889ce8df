import Foundation

/// "in 10 minutes", "tomorrow", "in 12 days": when a card comes back, as a person says it.
public enum RelativeTime {
    public static func describe(_ date: Date, from now: Date) -> String {
        let seconds = date.timeIntervalSince(now)
        let minutes = Int((seconds / 60).rounded())
        let hours = Int((seconds / 3600).rounded())
        let days = Int((seconds / 86_400).rounded())
        switch seconds {
        case ...0: return "now"
        case ..<60: return "in under a minute"
        case ..<3_600: return minutes == 1 ? "in 1 minute" : "in \(minutes) minutes"
        case ..<86_400: return hours == 1 ? "in 1 hour" : "in \(hours) hours"
        case ..<(2 * 86_400): return "tomorrow"
        case ..<(60 * 86_400): return "in \(days) days"
        default:
            let months = Int((seconds / (30.44 * 86_400)).rounded())
            return months < 24 ? "in \(months) months" : "in \(Int((seconds / (365.25 * 86_400)).rounded())) years"
        }
    }

    /// `1m`, `6m`, `3h`, `4d`, `2.5mo`, `1.2y`: an interval as Anki's rating buttons show it.
    public static func short(_ seconds: TimeInterval) -> String {
        let minutes = seconds / 60
        let days = seconds / 86_400
        switch seconds {
        case ..<3_600: return "\(max(1, Int(minutes.rounded())))m"
        case ..<86_400: return "\(Int((minutes / 60).rounded()))h"
        case ..<(30.44 * 86_400): return "\(Int(days.rounded()))d"
        case ..<(365.25 * 86_400): return String(format: "%.1fmo", days / 30.44)
        default: return String(format: "%.1fy", days / 365.25)
        }
    }
}
