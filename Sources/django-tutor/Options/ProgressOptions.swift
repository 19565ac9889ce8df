import ArgumentParser
import Foundation
import StudyKit

/// `--progress PATH`: where study progress is kept.
struct ProgressOptions: ParsableArguments {
    static let environmentVariable = "DJANGO_TUTOR_PROGRESS"

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The progress database (default: $DJANGO_TUTOR_PROGRESS, else $XDG_DATA_HOME/django-tutor/progress.sqlite).",
            valueName: "path"))
    var progress: String?

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
