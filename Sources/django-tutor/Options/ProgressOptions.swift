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

    /// Opens the store, printing its one warning (if any) to standard error.
    func open() -> ProgressStore {
        let opening = ProgressStore.open(at: url)
        if let warning = opening.warning { Output.error(warning) }
        return opening.store
    }
}
