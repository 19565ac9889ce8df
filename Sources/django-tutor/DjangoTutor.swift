import ArgumentParser
import Foundation
import SentenceEmbedding
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
        subcommands: [
            Repl.self, Ask.self, List.self, Show.self, Grade.self, Stats.self, Export.self, Analyze.self, Evaluate.self, EmbedEntries.self, EmbedRubric.self,
        ],
        defaultSubcommand: Repl.self
    )

    /// ArgumentParser's own `main`, except that messages go through `Output`, so an error that
    /// quotes a path or an argument cannot drive the terminal either, and that a mistyped
    /// subcommand is caught before ArgumentParser reads it as an argument of the default one
    /// (`django-tutor shw 3` → did you mean `show`?).
    static func main() {
        MatrixProducts.onCallersThreadOnly()
        // Ctrl-\ (SIGQUIT) would otherwise reach the Swift runtime's crash handler, which on a
        // terminal waits 30 s and more in its interactive backtracer. Quitting is not a crash: exit
        // at once, with the status a shell expects. The REPL on a terminal installs its own handler,
        // which also restores the terminal.
        signal(SIGQUIT) { _ in _exit(128 + SIGQUIT) }
        // A parent may hand its blocked signals down (Foundation's `Process` does).
        var quit = sigset_t()
        sigemptyset(&quit)
        sigaddset(&quit, SIGQUIT)
        sigprocmask(SIG_UNBLOCK, &quit, nil)
        if let typed = CommandLine.arguments.dropFirst().first, let message = unknownSubcommandMessage(typed) {
            Output.error(fittedError(message))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        do {
            var command = try parseAsRoot(WordArguments.compacted(Array(CommandLine.arguments.dropFirst())))
            try command.run()
        } catch {
            let message = error is CLIError ? fittedError("\(error)") : fullMessage(for: error)
            let code = exitCode(for: error)
            if !message.isEmpty {
                if code == .success { Output.line(message) } else { Output.error(message) }
            }
            Foundation.exit(code.rawValue)
        }
    }

    /// One of our own complete messages (`CLIError`, an unknown subcommand) as `Error: …`, wrapped
    /// to the terminal like any other text; ArgumentParser's usage messages keep their layout.
    static func fittedError(_ message: String) -> String {
        TextRenderer(width: Terminal.width(), style: .plain).fitted("Error: " + message)
    }

    static func unknownSubcommandMessage(_ typed: String) -> String? {
        // Hidden commands (`embed-entries`, for scripts/embed-corpus) run, but are never suggested.
        let names = configuration.subcommands.filter { $0.configuration.shouldDisplay }.map { $0._commandName }
        let runnable = configuration.subcommands.map { $0._commandName }
        guard !typed.hasPrefix("-"), typed != "help", !runnable.contains(typed) else { return nil }
        guard let suggestion = NearestName.closest(to: typed, in: names) else {
            return "Unknown command '\(typed)'. Commands: \(names.joined(separator: ", ")); django-tutor --help says more."
        }
        return "Unknown command '\(typed)'. Did you mean '\(suggestion)'? (django-tutor \(suggestion) --help says more.)"
    }
}
