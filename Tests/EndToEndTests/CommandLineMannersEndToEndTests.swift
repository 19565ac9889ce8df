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
        #expect(outcome.stderr.split(separator: "\n").allSatisfy { $0.count <= 80 }, "errors fit the terminal")
        #expect(
            outcome.stderr.replacingOccurrences(of: "\n", with: " ")
                == "Error: Unknown command 'shw'. Did you mean 'show'? (django-tutor show --help says more.) ")
        let unknown = try TutorProcess.run(["xyzzy"])
        #expect(unknown.status == 64)
        #expect(
            unknown.stderr.replacingOccurrences(of: "\n", with: " ").hasPrefix(
                "Error: Unknown command 'xyzzy'. Commands: repl, ask, list, show, grade, stats, export, analyze, evaluate;"))
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
        #expect(failed.stderr.replacingOccurrences(of: "\n", with: " ").contains("no such directory: \(folder.appendingPathComponent("no/such/folder").path)"))
    }

    @Test func anErrorIsWrappedToTheTerminal() throws {
        let outcome = try TutorProcess.run(["list", "--tag", "nosuch"], environment: ["COLUMNS": "50"])
        #expect(outcome.status != 0)
        let lines = outcome.stderr.split(separator: "\n")
        #expect(lines.count > 1 && lines.allSatisfy { $0.count <= 50 }, "\(outcome.stderr)")
        #expect(lines.joined(separator: " ").hasPrefix("Error: No tag \"nosuch\". Tags: architecture, models,"))
    }

    @Test func readingProgressCreatesNoProgressFile() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = folder.appendingPathComponent("new/progress.sqlite").path
        let stats = try TutorProcess.run(["stats", "--progress", missing])
        #expect(stats.status == 0)
        #expect(stats.stdout.replacingOccurrences(of: "\n", with: " ").hasPrefix("No progress yet: nothing has been rated (no progress file at \(missing))."))
        let json = try TutorProcess.run(["stats", "--json", "--progress", missing])
        let figures = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(figures["reviews"] as? Int == 0 && figures["started"] as? Int == 0 && figures["entries"] as? Int == 35)
        #expect((figures["sections"] as? [[String: Any]])?.count == 3, "the same object as with progress")
        let csv = try TutorProcess.run(["export", "--progress", missing])
        #expect(csv.status == 0 && csv.stdout == "time,corpus,entry,question,rating,score,answer\r\n")
        #expect(csv.stderr.hasPrefix("No progress yet"))
        let log = try TutorProcess.run(["export", "--format", "json", "--progress", missing])
        #expect(log.status == 0 && log.stdout == "[]\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("new").path), "no file, no folder")
    }

    @Test func gradeTextSaysTheSuggestedRatingAsTheQuizDoes() throws {
        var sureness: [Bool] = []
        for (entry, answer) in [
            ("21", "Q objects wrap filter conditions so you can combine them with | for OR, & for AND and ~ for NOT, and reuse them in complex lookups."),
            ("6", "run django-admin startproject name to create a new project"),
        ] {
            let json = try TutorProcess.run(["grade", entry, answer, "--json"])
            let grade = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            let sure = try #require(grade["suggestionSure"] as? Bool)
            let text = try TutorProcess.run(["grade", entry, answer]).stdout
            if sure {
                #expect(text.hasSuffix("\nSuggested rating: \(try #require(grade["suggested"] as? String))\n"), "\(text)")
            } else {
                #expect(text.hasSuffix("\nNo suggested rating: rate yourself against the reference above.\n"), "\(text)")
            }
            sureness.append(sure)
        }
        #expect(sureness == [true, false], "one sure suggestion and one the learner rates")
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
