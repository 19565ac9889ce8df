import Foundation
import Testing

@Suite("ask, list, show (end to end)")
struct CoreCommandsEndToEndTests {
    func json(_ line: Substring) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test func askPrintsTheBestEntryAndSeeAlso() throws {
        let outcome = try TutorProcess.run(["ask", "what", "is", "select_related?"])
        #expect(outcome.status == 0)
        #expect(outcome.stderr.isEmpty)
        #expect(outcome.stdout.hasPrefix("#35  What are select_related and prefetch_related?\n     Advanced · orm, queries, performance\n"))
        #expect(outcome.stdout.contains("     See also: #"))
        #expect(outcome.stdout.contains("#22 How does _set work with Django queries?"))
        #expect(!outcome.stdout.contains("\u{1B}"), "no escape codes when piped")
        #expect(outcome.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    @Test func askJSONHasTheDocumentedShape() throws {
        let outcome = try TutorProcess.run(["ask", "--json", "--limit", "2", "what is select_related?"])
        #expect(outcome.status == 0)
        let object = try json(Substring(outcome.stdout.trimmingCharacters(in: .newlines)))
        #expect(object["query"] as? String == "what is select_related?")
        #expect(object["confident"] as? Bool == true)
        let results = try #require(object["results"] as? [[String: Any]])
        #expect(results.count == 2)
        #expect(results[0]["id"] as? Int == 35)
        #expect(results[0]["section"] as? String == "Advanced")
        #expect(results[0]["tags"] as? [String] == ["orm", "queries", "performance"])
        let score = try #require(results[0]["score"] as? Double)
        #expect(score > 0.3 && score <= 1)
    }

    @Test func askReadsOneQueryPerLineWhenPiped() throws {
        let outcome = try TutorProcess.run(["ask", "--json"], stdin: "middleware order\n\nsesions\nbest pizza in naples\n")
        #expect(outcome.status == 0)
        let lines = outcome.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        let objects = try lines.map(json)
        #expect(objects.map { ($0["results"] as? [[String: Any]])?.first?["id"] as? Int } == [27, 28, nil])
        #expect(objects.map { $0["confident"] as? Bool } == [true, true, false])
        #expect(objects[1]["corrected"] as? String == "sessions")
    }

    /// Piped questions that are there to read are searched together, but a program that writes
    /// one question and waits for its answer gets it before it writes the next.
    @Test func askAnswersAQuestionBeforeTheNextIsWritten() throws {
        let tutor = try TutorProcess.start(["ask", "--json"])
        try tutor.send("what is select_related?")
        try tutor.waitForStdout { $0.split(separator: "\n").count == 1 }
        try tutor.send("middleware order")
        try tutor.waitForStdout { $0.split(separator: "\n").count == 2 }
        let outcome = try tutor.finish()
        #expect(outcome.status == 0)
        #expect(try outcome.stdout.split(separator: "\n").map(json).map { ($0["results"] as? [[String: Any]])?.first?["id"] as? Int } == [35, 27])
    }

    @Test func askConversationReadsFollowUpsAndABlankLineStartsAnew() throws {
        let outcome = try TutorProcess.run(
            ["ask", "--json", "--conversation"], stdin: "how do I create a new project?\nand an app?\n\nand an app?\n")
        #expect(outcome.status == 0)
        let objects = try outcome.stdout.split(separator: "\n").map(json)
        #expect(objects.map { ($0["results"] as? [[String: Any]])?.first?["id"] as? Int } == [6, 7, 5])
        #expect(objects.map { $0["query"] as? String } == ["how do I create a new project?", "and an app?", "and an app?"])
        #expect(objects[1]["followUpOf"] as? Int == 6)
        #expect(objects[0].keys.contains("followUpOf") && objects[0]["followUpOf"] is NSNull)
        #expect(objects[2]["followUpOf"] is NSNull, "a blank line started a new conversation")
        let lookup = try TutorProcess.run(["ask", "--json"], stdin: "how do I create a new project?\nand an app?\n")
        #expect(try lookup.stdout.split(separator: "\n").map(json).allSatisfy { !$0.keys.contains("followUpOf") }, "without --conversation, a lookup")
    }

    @Test func askSaysPlainlyWhenNothingMatches() throws {
        let outcome = try TutorProcess.run(["ask", "how do I deploy on kubernetes"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.hasPrefix("No good match in this corpus. Nearest entries:\n  #"))
        #expect(outcome.stdout.contains("#16  What are static files"))
        let nothing = try TutorProcess.run(["ask", "xyzzy plugh"])
        #expect(nothing.stdout.hasPrefix("No match: none of these words appear in the corpus."))
    }

    @Test func withoutTheModelFileTheTutorSaysSoOnceAndSearchesByWords() throws {
        let outcome = try TutorProcess.run(
            ["ask", "--json"], stdin: "what is select_related?\nmiddleware order\n",
            environment: ["DJANGO_TUTOR_MODEL": "/nonexistent/model.encoder"])
        #expect(outcome.status == 0)
        #expect(outcome.stderr.components(separatedBy: "no such model file").count == 2, "said once: \(outcome.stderr)")
        #expect(outcome.stderr.contains("Searching by words only"))
        let objects = try outcome.stdout.split(separator: "\n").map(json)
        #expect(objects.map { ($0["results"] as? [[String: Any]])?.first?["id"] as? Int } == [35, 27])
        #expect(objects.allSatisfy { (($0["results"] as? [[String: Any]]) ?? []).allSatisfy { $0["semantic"] is NSNull } })
    }

    @Test func otherCorporaGetTheirVectorsComputedOnceThenCached() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("vectors-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let corpus = scratch.appendingPathComponent("pets.md")
        try "# Pets\n## All\n### 1. How do I feed a cat?\nGive it fish twice a day.\n### 2. How do I walk a dog?\nUse a leash.\n"
            .write(to: corpus, atomically: true, encoding: .utf8)
        let environment = ["XDG_CACHE_HOME": scratch.appendingPathComponent("cache").path]
        let first = try TutorProcess.run(["ask", "--json", "--corpus", corpus.path, "what should my kitten eat"], environment: environment)
        let cached = try FileManager.default.contentsOfDirectory(atPath: scratch.appendingPathComponent("cache/django-tutor/vectors").path)
        #expect(cached.count == 1 && cached[0].hasSuffix(".vectors"))
        let second = try TutorProcess.run(["ask", "--json", "--corpus", corpus.path, "what should my kitten eat"], environment: environment)
        #expect(first.stdout == second.stdout)
        let best = try json(Substring(first.stdout))["results"] as? [[String: Any]]
        #expect(best?.first?["id"] as? Int == 1, "found by meaning: kitten and eat are not in the corpus")
    }

    @Test func askWithoutAQuestionOnATerminalIsAUsageError() throws {
        let outcome = try TutorProcess.run(["ask", "--limit", "0", "x"])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("--limit must be at least 1"))
    }

    @Test func listFiltersBySectionAndTag() throws {
        let advanced = try TutorProcess.run(["list", "--section", "adv"])
        #expect(advanced.status == 0)
        #expect(advanced.stdout.hasPrefix("Advanced (11)\n#25  What is a model manager?"))
        let orm = try TutorProcess.run(["list", "--tag", "ORM", "--json"])
        let items = try #require(JSONSerialization.jsonObject(with: Data(orm.stdout.utf8)) as? [[String: Any]])
        #expect(items.compactMap { $0["id"] as? Int } == [11, 21, 22, 25, 35])
    }

    @Test func listRejectsAnUnknownSectionWithTheChoices() throws {
        let outcome = try TutorProcess.run(["list", "--section", "Expert"])
        #expect(outcome.status != 0)
        #expect(outcome.stderr.contains("No section \"Expert\". Sections: Beginner, Intermediate, Advanced."))
    }

    @Test func showPrintsOneEntryOrSaysWhichExist() throws {
        let shown = try TutorProcess.run(["show", "21"])
        #expect(
            shown.stdout == """
                #21  What are Q objects, and when would you use them?
                     Intermediate · orm, queries
                     Q objects are a way to make complex queries such as AND, OR, and NOT. They
                     are combinable and reusable.

                """)
        let missing = try TutorProcess.run(["show", "99"])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("No entry #99. Entries are numbered 1–35."))
    }

    @Test func otherCorporaLoadAndBadOnesAreReportedPrecisely() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tutor-corpus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = folder.appendingPathComponent("flask.md")
        try "# Flask\n## Basics\n### What is a blueprint?\nTags: structure\n\nA blueprint groups views.\n".write(to: good, atomically: true, encoding: .utf8)
        let answered = try TutorProcess.run(["ask", "--corpus", good.path, "--json", "blueprint"])
        #expect(answered.status == 0)
        #expect(answered.stdout.contains("\"question\":\"What is a blueprint?\""))

        let bad = folder.appendingPathComponent("bad.md")
        try "# Flask\n## Basics\n### 1. Q\nA\n### 1. R\nB\n".write(to: bad, atomically: true, encoding: .utf8)
        let refused = try TutorProcess.run(["list", "--corpus", bad.path])
        #expect(refused.status != 0)
        #expect(refused.stderr.replacingOccurrences(of: "\n", with: " ").contains("\(bad.path):5: entry number 1 is used twice (first at line 3)"))

        let missing = try TutorProcess.run(["list", "--corpus", folder.appendingPathComponent("none.md").path])
        #expect(missing.status != 0)
        #expect(missing.stderr.replacingOccurrences(of: "\n", with: " ").contains("none.md: cannot read the file"))
    }

    @Test func pipedIntoHeadEndsQuietly() throws {
        let outcome = try TutorProcess.shell("\"$TUTOR\" list | head -1; echo \"status=${PIPESTATUS:-$?}\"")
        #expect(outcome.stdout.hasPrefix("Beginner (19)\n"))
        #expect(outcome.stderr.isEmpty)
    }
}
