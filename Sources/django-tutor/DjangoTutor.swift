import ArgumentParser
import Foundation
import StudyKit

@main
struct DjangoTutor: ParsableCommand {
    static let version = "0.5.0"

    static let configuration = CommandConfiguration(
        commandName: "django-tutor",
        abstract: "Study for Django interviews: ask questions, drill with quizzes, explain topics.",
        discussion: """
            Run without a subcommand to open the interactive tutor. The default corpus is built in; \
            --corpus PATH loads another file in the same Markdown format.
            """,
        version: version,
        subcommands: [Repl.self, Ask.self, List.self, Show.self, Grade.self, Stats.self, Export.self, Analyze.self, Evaluate.self, EmbedEntries.self],
        defaultSubcommand: Repl.self
    )

    /// Catches a mistyped subcommand before ArgumentParser reads it as an argument of the
    /// default one (`django-tutor shw 3` → did you mean `show`?).
    static func main() {
        if let typed = CommandLine.arguments.dropFirst().first, let message = unknownSubcommandMessage(typed) {
            FileHandle.standardError.write(Data("Error: \(message)\n".utf8))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        main(nil)
    }

    static func unknownSubcommandMessage(_ typed: String) -> String? {
        let names = configuration.subcommands.filter { $0.configuration.shouldDisplay }.map { $0._commandName }
        guard !typed.hasPrefix("-"), typed != "help", !names.contains(typed) else { return nil }
        guard let suggestion = NearestName.closest(to: typed, in: names) else {
            return "Unknown command '\(typed)'. Commands: \(names.joined(separator: ", ")); django-tutor --help says more."
        }
        return "Unknown command '\(typed)'. Did you mean '\(suggestion)'? (django-tutor \(suggestion) --help says more.)"
    }
}
