import Foundation
import Testing

@Suite("REPL script mode (end to end)")
struct ReplScriptEndToEndTests {
    @Test func browsingSessionHasExactOutput() throws {
        let outcome = try TutorProcess.run(["--seed", "1"], stdin: "/shw 3\n/show 21\n/next\n/prev\n/show 99\n/quit\nnever read\n")
        #expect(outcome.status == 0)
        #expect(outcome.stderr.isEmpty)
        #expect(
            outcome.stdout == """
                Unknown command /shw — did you mean /show?

                #21  What are Q objects, and when would you use them?
                     Intermediate · orm, queries
                     Q objects are a way to make complex queries such as AND, OR, and NOT. They
                     are combinable and reusable.

                #22  How does _set work with Django queries?
                     Intermediate · orm, queries, models
                     Django automatically creates the _set suffix when you define a ForeignKey
                     relationship. It allows querying the "child" models related to a "parent"
                     model in a one-to-many relationship.

                #21  What are Q objects, and when would you use them?
                     Intermediate · orm, queries
                     Q objects are a way to make complex queries such as AND, OR, and NOT. They
                     are combinable and reusable.

                No entry #99. Entries are numbered 1–35.


                """)
    }

    @Test func quizRoundInScriptMode() throws {
        let input = "/quiz orm\nQ objects combine filters with OR and AND\nand are reusable\n\n\n/reveal\n4\n/quit\n"
        let outcome = try TutorProcess.run(["--seed", "5"], stdin: input)
        #expect(outcome.status == 0)
        let text = outcome.stdout
        #expect(text.hasPrefix("Quiz over topic orm (5 questions).\nNothing due · 10 new left today.\n#"))
        #expect(!text.contains("quiz›") && !text.contains("\u{1B}"), "no prompts or escape codes in script mode")
        #expect(text.contains("Type your answer; an empty line submits. /skip, /reveal, or /edit for your\neditor."))
        #expect(text.contains("\nScore "))
        #expect(text.contains("\nReference:\n     "))
        #expect(text.contains("Rate it [1] again 1m  [2] hard 6m  [3] good 10m  [4] easy "), "at 80 columns, the intervals fit")
        #expect(text.contains("(suggested: "))
        #expect(text.contains("Session: 1 answered, average "))
        #expect(text.contains("Rated easy. Next in "))
        #expect(text.contains("Session: 2 answered, average "))
    }

    @Test func explainAndTopicsInScriptMode() throws {
        let outcome = try TutorProcess.run([], stdin: "/explain what is middleware\n/topics\n/topic caching\n")
        #expect(outcome.status == 0)
        #expect(outcome.stdout.hasPrefix("#27  How does middleware work in Django?\n"))
        #expect(outcome.stdout.contains("     Key terms\n"))
        #expect(outcome.stdout.contains("     Related\n"))
        #expect(outcome.stdout.contains("Sections\n  Beginner      19\n  Intermediate  5\n  Advanced      11\nTopics\n"))
        #expect(outcome.stdout.contains("Topic caching (1)\n#34  What are some caching strategies in Django?"))
    }

    @Test func endOfInputLeavesCleanly() throws {
        let outcome = try TutorProcess.run([], stdin: "what is a mixin")
        #expect(outcome.status == 0)
        #expect(outcome.stdout.hasPrefix("#32  What is a mixin?"))
    }

    @Test func pipedIntoHeadEndsQuietly() throws {
        let outcome = try TutorProcess.shell("printf '/help\\n/topics\\n/help\\n' | \"$TUTOR\" | head -2")
        #expect(outcome.stdout.hasPrefix("Commands — plain text goes to the current mode"))
        #expect(outcome.stderr.isEmpty)
    }

    @Test func gradeCommandPrintsJSON() throws {
        let outcome = try TutorProcess.run(["grade", "21", "--json", "They", "combine", "filters", "with", "OR"])
        #expect(outcome.status == 0)
        let object = try #require(JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        #expect(object["id"] as? Int == 21)
        #expect((object["covered"] as? [String])?.contains("OR") == true)
        #expect((object["missed"] as? [String])?.contains("reusable") == true)
        let score = try #require(object["score"] as? Int)
        #expect(score > 0 && score < 100)
        let missing = try TutorProcess.run(["grade", "77", "x"])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("No entry #77."))
    }
}
