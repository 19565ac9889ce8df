import ArgumentParser
import Foundation
import StudyKit

/// `--progress PATH`: where study progress is kept; `--next-day-starts-at HOUR`: when the
/// learner's day turns.
struct ProgressOptions: ParsableArguments {
    static let environmentVariable = "DJANGO_TUTOR_PROGRESS"
    static let dayStartVariable = "DJANGO_TUTOR_NEXT_DAY_STARTS_AT"

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The progress database (default: $DJANGO_TUTOR_PROGRESS, else $XDG_DATA_HOME/django-tutor/progress.sqlite).",
            valueName: "path"))
    var progress: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The local hour (0–23) at which a new study day starts, for the daily limit of new entries and what is due today (default: $DJANGO_TUTOR_NEXT_DAY_STARTS_AT, else 4, as Anki).",
            valueName: "hour"))
    var nextDayStartsAt: String?

    /// The learner's day, from the option or the environment.
    func studyDay() throws -> StudyDay {
        let environment = ProcessInfo.processInfo.environment
        let (text, source) =
            nextDayStartsAt.map { ($0, "--next-day-starts-at") }
            ?? environment[Self.dayStartVariable].flatMap { $0.isEmpty ? nil : ($0, "$\(Self.dayStartVariable)") }
            ?? (String(StudyDay.defaultStartHour), "")
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let hour = Int(trimmed), StudyDay.startHours.contains(hour) else {
            throw CLIError(
                "\(source) is \"\(text)\": it takes the hour a new study day starts, a whole number from 0 to 23 (4 for 4 am, 0 for midnight).")
        }
        return StudyDay(startHour: hour)
    }

    var url: URL {
        let environment = ProcessInfo.processInfo.environment
        if let progress { return URL(fileURLWithPath: progress) }
        if let path = environment[Self.environmentVariable], !path.isEmpty { return URL(fileURLWithPath: path) }
        return AppDirectories(environment: environment).data.appendingPathComponent("progress.sqlite")
    }

    /// For commands that only read progress (`stats`, `export`): the store when its file exists,
    /// nil otherwise, so that reading never creates a progress file or its folder.
    func openExisting() -> ProgressStore? {
        FileManager.default.fileExists(atPath: url.path) ? open() : nil
    }

    /// What a reading command says when there is no progress file.
    var noProgressYet: String {
        "No progress yet: nothing has been rated (no progress file at \(url.path)). Quiz yourself in the tutor (django-tutor, then /quiz) to start."
    }

    /// Opens the store, printing its one warning (if any) to standard error.
    func open() -> ProgressStore {
        let opening = ProgressStore.open(at: url)
        if let warning = opening.warning { Output.error(warning) }
        return opening.store
    }
}
