import ArgumentParser
import Foundation

@main
struct DjangoTutor: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "django-tutor",
        abstract: "Study for Django interviews: ask questions, drill with quizzes, explain topics.",
        discussion: """
            Run without a subcommand to open the interactive tutor. The default corpus is built in; \
            --corpus PATH loads another file in the same Markdown format.
            """,
        subcommands: [Repl.self, Ask.self, List.self, Show.self, Grade.self, Stats.self, Export.self, Analyze.self, Evaluate.self, EmbedEntries.self],
        defaultSubcommand: Repl.self
    )

    /// ArgumentParser's own `main`, except that messages go through `Output`, so an error that
    /// quotes a path or an argument cannot drive the terminal either.
    static func main() {
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
        do {
            var command = try parseAsRoot(WordArguments.compacted(Array(CommandLine.arguments.dropFirst())))
            try command.run()
        } catch {
            let message = fullMessage(for: error)
            let code = exitCode(for: error)
            if !message.isEmpty {
                if code == .success { Output.line(message) } else { Output.error(message) }
            }
            Foundation.exit(code.rawValue)
        }
    }
}
