import ArgumentParser

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
}
