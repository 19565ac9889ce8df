import Testing

@testable import StudyKit

@Suite("Command")
struct CommandTests {
    @Test(arguments: [
        ("/ask", Command.ask(nil)), ("/ask what is a view", .ask("what is a view")),
        ("/quiz", .quiz(nil)), ("/quiz  orm ", .quiz("orm")), ("/explain 21", .explain("21")),
        ("/topics", .topics), ("/topic orm", .topic("orm")), ("/tag orm", .topic("orm")),
        ("/section Advanced", .section("Advanced")), ("/show 35", .show(35)), ("/show #35", .show(35)),
        ("/next", .next), ("/prev", .previous), ("/random", .random), ("/skip", .skip), ("/reveal", .reveal),
        ("/help", .help(nil)), ("/help /quiz", .help("quiz")), ("help", .help(nil)), ("?", .help(nil)),
        ("/quit", .quit), ("quit", .quit), ("exit", .quit), ("/EXIT", .quit), ("/SHOW 2", .show(2)),
        ("what is a view", .text("what is a view")), ("/", .text("/")), ("", .text("")),
    ])
    func parses(line: String, expected: Command) {
        #expect(Command(parsing: line) == expected)
    }

    @Test func unknownCommandsSuggestTheNearest() {
        #expect(Command(parsing: "/shw 3") == .invalid("Unknown command /shw — did you mean /show?"))
        #expect(Command(parsing: "/qiuz") == .invalid("Unknown command /qiuz — did you mean /quiz?"))
        #expect(Command(parsing: "/top") == .invalid("Unknown command /top — did you mean /topics?"))
        #expect(Command(parsing: "/xyzzy") == .invalid("Unknown command /xyzzy. /help lists the commands."))
    }

    @Test func wrongArgumentsSayWhatWasExpected() {
        #expect(Command(parsing: "/show") == .invalid("/show needs an entry number, e.g. /show 35."))
        #expect(Command(parsing: "/show three") == .invalid("/show needs an entry number, e.g. /show 35."))
        #expect(Command(parsing: "/topic") == .invalid("/topic needs a name: /topic NAME. /topics lists them."))
    }
}
