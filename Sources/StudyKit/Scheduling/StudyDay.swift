import Foundation

/// The learner's day, which starts at an hour of their choosing rather than at midnight (Anki's
/// "next day starts at", 4 am by default): a sitting that runs past midnight still belongs to the
/// day it began in, so the daily limit of new entries and "due later today" mean what they say.
public struct StudyDay: Sendable {
    public static let defaultStartHour = 4
    public static let startHours = 0...23

    public let calendar: Calendar
    /// The local hour (0–23) at which a new day starts.
    public let startHour: Int

    /// - Precondition: `startHour` is in `startHours`.
    public init(calendar: Calendar = .current, startHour: Int = StudyDay.defaultStartHour) {
        precondition(Self.startHours.contains(startHour), "a day starts at an hour from 0 to 23, not \(startHour)")
        self.calendar = calendar
        self.startHour = startHour
    }

    /// When the day holding `date` began.
    public func start(of date: Date) -> Date {
        let calendarDay = calendar.startOfDay(for: date.addingTimeInterval(-Double(startHour) * 3_600))
        return calendar.date(bySettingHour: startHour, minute: 0, second: 0, of: calendarDay) ?? calendarDay
    }

    /// The start of the day `offset` days from the one holding `date` (1: tomorrow's).
    public func start(of date: Date, offsetBy offset: Int) -> Date {
        let today = start(of: date)
        return calendar.date(byAdding: .day, value: offset, to: today) ?? today.addingTimeInterval(Double(offset) * 86_400)
    }
}
