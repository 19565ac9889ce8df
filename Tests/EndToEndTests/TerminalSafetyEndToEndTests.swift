import Foundation
import Testing

/// Text from a corpus, a query, a path or a stored answer must never reach the terminal as
/// control characters (escape sequences, carriage returns, backspaces, NUL).
@Suite("terminal-safe output (end to end)")
struct TerminalSafetyEndToEndTests {
    static let hostileCorpus = """
        # T\u{1B}]0;TITLE\u{07}

        ## S\u{1B}[2J
        ### 1. What is \u{1B}[2Jmodel\u{1B}]0;PWNED\u{07}?

        A \u{1B}[31mred\u{1B}[0m class\rOVER\u{08}\u{08}. NUL\u{00}byte model.

        """

    static func writeCorpus() throws -> URL {
        let folder = TutorProcess.newScratchFolder()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent("hostile.md")
        try Data(hostileCorpus.utf8).write(to: url)
        return url
    }

    /// Any control character but newline and tab (CR LF aside: CSV records end with it).
    static func controls(in text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n", with: "\n").unicodeScalars
            .filter { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value) }
            .map { String(format: "U+%04X", $0.value) }
    }

    @Test(arguments: [
        ["show", "1"], ["list"], ["ask", "--no-semantic", "what", "is", "model"], ["ask", "--no-semantic", "--explain", "modle"],
        ["ask", "--no-semantic", "modle\u{1B}[2J", "classs\u{07}"], ["grade", "--no-semantic", "1", "a", "model\u{1B}]0;X\u{07}"],
    ])
    func commandsShowControlCharactersVisibly(arguments: [String]) throws {
        let corpus = try Self.writeCorpus()
        let outcome = try TutorProcess.run(arguments + ["--corpus", corpus.path])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(Self.controls(in: outcome.stdout) == [], "stdout: \(outcome.stdout)")
        #expect(Self.controls(in: outcome.stderr) == [], "stderr: \(outcome.stderr)")
        #expect(!outcome.stdout.isEmpty)
    }

    @Test func showPrintsTheControlCharactersInCaretNotation() throws {
        let corpus = try Self.writeCorpus()
        let outcome = try TutorProcess.run(["show", "1", "--corpus", corpus.path])
        #expect(outcome.stdout.contains("What is ^[[2Jmodel^[]0;PWNED^G?"))
        #expect(outcome.stdout.contains("A ^[[31mred^[[0m class^MOVER^H^H. NUL^@byte model."))
    }

    @Test func jsonKeepsItsOwnEscaping() throws {
        let corpus = try Self.writeCorpus()
        let outcome = try TutorProcess.run(["show", "1", "--json", "--corpus", corpus.path])
        #expect(outcome.stdout.contains(#""question":"What is \u001b[2Jmodel\u001b]0;PWNED\u0007?""#))
    }

    @Test func replEchoesAndWhyAreSafe() throws {
        let corpus = try Self.writeCorpus()
        let outcome = try TutorProcess.run(
            ["--corpus", corpus.path, "--no-semantic"], stdin: "modle\u{1B}[2J classs\n/why\n/show 1\n/quit\n")
        #expect(outcome.stdout.contains("model"))
        #expect(Self.controls(in: outcome.stdout) == [], "stdout: \(outcome.stdout)")
    }

    @Test func aPathInAnErrorIsSafe() throws {
        let outcome = try TutorProcess.run(["list", "--corpus", "/nonexistent/\u{1B}]0;PWNED\u{07}.md"])
        #expect(outcome.status != 0)
        #expect(outcome.stderr.contains("/nonexistent/^[]0;PWNED^G.md"))
        #expect(Self.controls(in: outcome.stderr) == [])
    }

    @Test func csvExportToStandardOutputIsSafe() throws {
        let corpus = try Self.writeCorpus()
        let folder = corpus.deletingLastPathComponent()
        let progress = folder.appendingPathComponent("progress.sqlite").path
        let outcome = try TutorProcess.shell(
            """
            printf '/quiz\\nmodel \\033[2J\\033]0;PWNED\\007 class\\n\\n3\\n/quit\\n' \
                | "$TUTOR" --corpus '\(corpus.path)' --progress '\(progress)' --no-semantic >/dev/null
            "$TUTOR" export --format csv --progress '\(progress)'
            """)
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("model ^[[2J^[]0;PWNED^G class"), "stdout: \(outcome.stdout)")
        #expect(Self.controls(in: outcome.stdout) == [])
    }
}
