import Foundation
import Testing

/// What a shell user meets: mistakes answered with the right command, output formats chosen
/// from what they asked for, hints in shell words.
@Suite("Command-line manners (end to end)")
struct CommandLineMannersEndToEndTests {
    func scratchFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("django-tutor-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func aMistypedSubcommandSuggestsTheNearest() throws {
        let outcome = try TutorProcess.run(["shw", "3"])
        #expect(outcome.status == 64)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr == "Error: Unknown command 'shw'. Did you mean 'show'? (django-tutor show --help says more.)\n")
        let unknown = try TutorProcess.run(["xyzzy"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.hasPrefix("Error: Unknown command 'xyzzy'. Commands: repl, ask, list, show, grade, stats, export, analyze, evaluate;"))
    }

    @Test func aHiddenSubcommandRunsThoughItIsNeverSuggested() throws {
        let outcome = try TutorProcess.run(["embed-entries", "--help"])
        #expect(outcome.status == 0, "scripts/embed-corpus runs it: \(outcome.stderr)")
        #expect(outcome.stdout.contains("USAGE: django-tutor embed-entries"))
    }

    @Test func versionPrintsTheVersion() throws {
        let outcome = try TutorProcess.run(["--version"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil)
    }

    @Test func gradeWithoutAnAnswerIsAUsageError() throws {
        let outcome = try TutorProcess.run(["grade", "3"], stdin: "")
        #expect(outcome.status == 64)
        #expect(outcome.stdout.isEmpty, "no Score 0")
        #expect(outcome.stderr.contains("No answer to grade: give it after the entry number"))
    }

    @Test func exportTakesTheFormatFromTheExtensionAndNamesAMissingFolder() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let progress = folder.appendingPathComponent("progress.sqlite").path
        let quiz = try TutorProcess.run(["--seed", "3", "--progress", progress], stdin: "/quiz\nan answer\n\n3\n")
        #expect(quiz.status == 0)

        let json = folder.appendingPathComponent("log.json").path
        #expect(try TutorProcess.run(["export", "-o", json, "--progress", progress]).status == 0)
        let rows = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [[String: Any]]
        #expect(rows?.count == 1)

        let csv = folder.appendingPathComponent("log.csv").path
        #expect(try TutorProcess.run(["export", "-o", csv, "--progress", progress]).status == 0)
        #expect(try String(contentsOfFile: csv, encoding: .utf8).hasPrefix("time,corpus,"))

        let forced = folder.appendingPathComponent("forced.json").path
        #expect(try TutorProcess.run(["export", "-o", forced, "--format", "csv", "--progress", progress]).status == 0)
        #expect(try String(contentsOfFile: forced, encoding: .utf8).hasPrefix("time,corpus,"), "--format wins over the extension")

        let missing = folder.appendingPathComponent("no/such/folder/log.json").path
        let failed = try TutorProcess.run(["export", "-o", missing, "--progress", progress])
        #expect(failed.status != 0)
        #expect(failed.stderr.contains("no such directory: \(folder.appendingPathComponent("no/such/folder").path)"))
    }

    @Test func oneShotHintsSpeakShell() throws {
        let outcome = try TutorProcess.run(["ask", "xyzzy plugh"])
        #expect(outcome.stdout.replacingOccurrences(of: "\n", with: " ").contains("or django-tutor list to browse"))
        #expect(!outcome.stdout.contains("/topics"))
        let repl = try TutorProcess.run([], stdin: "xyzzy plugh\n")
        #expect(repl.stdout.replacingOccurrences(of: "\n", with: " ").contains("or /topics to browse"))
    }

    @Test func askJSONCarriesTheAnswerSectionAndTagsAsJSONLines() throws {
        let outcome = try TutorProcess.run(["ask", "--json", "--limit", "1"], stdin: "what is select_related?\nmiddleware order\n")
        let lines = outcome.stdout.split(separator: "\n")
        #expect(lines.count == 2, "one JSON object per line")
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        let hit = try #require((first["results"] as? [[String: Any]])?.first)
        #expect(hit["section"] as? String == "Advanced")
        #expect(hit["tags"] as? [String] == ["orm", "queries", "performance"])
        let answer = try #require(hit["answer"] as? String)
        #expect(answer.contains("select_related"))
        #expect(answer.contains("*") || answer.contains("`"), "Markdown as written in the corpus")
    }

    @Test func everyLineFitsANarrowTerminal() throws {
        let input = "/help\n/topics\n/topic caching\n/stats\n/quiz\nan answer that is long enough to wrap\n\n3\n/explain 35\n/why\n"
        let outcome = try TutorProcess.run([], stdin: input, environment: ["COLUMNS": "60"])
        #expect(outcome.status == 0)
        let wide = outcome.stdout.split(separator: "\n").filter { $0.count > 60 }
        #expect(wide.isEmpty, "\(wide)")
    }
}
