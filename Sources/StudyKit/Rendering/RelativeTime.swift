import Foundation

/// "in 10 minutes", "tomorrow", "in 12 days": when a card comes back, as a person says it.
public enum RelativeTime {
    public static func describe(_ date: Date, from now: Date) -> String {
        let seconds = date.timeIntervalSince(now)
        let minutes = Int((seconds / 60).rounded())
        let hours = Int((seconds / 3600).rounded())
        let days = Int((seconds / 86_400).rounded())
        switch seconds {
        case ..<60: return "now"
        case ..<3_600: return minutes == 1 ? "in 1 minute" : "in \(minutes) minutes"
        case ..<86_400: return hours == 1 ? "in 1 hour" : "in \(hours) hours"
        case ..<(2 * 86_400): return "tomorrow"
        case ..<(60 * 86_400): return "in \(days) days"
        default:
            let months = Int((seconds / (30.44 * 86_400)).rounded())
            return months < 24 ? "in \(months) months" : "in \(Int((seconds / (365.25 * 86_400)).rounded())) years"
        }
    }
}
