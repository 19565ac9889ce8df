import Foundation
import Testing

/// Many arguments and huge lines: parsed in linear time, analysed only up to a cap that is announced.
@Suite("huge input (end to end)")
struct HugeInputEndToEndTests {
    func json(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func twentyThousandArgumentsMakeOneQuery() throws {
        let words = Array(repeating: "model", count: 20_000)
        let outcome = try TutorProcess.run(["ask", "--json", "--no-semantic"] + words)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let object = try json(outcome.stdout)
        #expect(object["query"] as? String == String(words.joined(separator: " ").prefix(1_000)))
        #expect(object["truncated"] as? Bool == true)
    }

    @Test func wordsAreJoinedAroundOptionsAndAfterDoubleDash() throws {
        let outcome = try TutorProcess.run(["ask", "what", "is", "--limit", "1", "--json", "select_related", "and", "--no-semantic", "--", "--json", "x"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let object = try json(outcome.stdout)
        #expect(object["query"] as? String == "what is select_related and --json x")
        #expect(object["truncated"] as? Bool == false)
        #expect((object["results"] as? [Any])?.count == 1)
    }

    @Test func gradeKeepsItsEntryNumberApartFromTheWords() throws {
        let outcome = try TutorProcess.run(["grade", "--json", "--no-semantic", "7", "python", "manage.py", "startapp", "name"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let object = try json(outcome.stdout)
        #expect(object["id"] as? Int == 7)
        #expect(object["covered"] as? [String] == ["manage.py", "startapp", "python"])
        #expect(object["truncated"] as? Bool == false)
    }

    @Test func aHugeQueryLineIsCutAndSaysSo() throws {
        let line = String(repeating: "what is select_related ", count: 200_000)
        let outcome = try TutorProcess.run(["ask", "--no-semantic"], stdin: line + "\n")
        #expect(outcome.status == 0)
        #expect(outcome.stdout.hasPrefix("(only the first 1,000 characters of the question were searched)\n#35  "))
        #expect(outcome.stdout.utf8.count < 10_000, "the query is not echoed back whole")
    }

    @Test func aHugeAnswerIsCutAndSaysSo() throws {
        let answer = String(repeating: "python manage.py startapp ", count: 200_000)
        let outcome = try TutorProcess.run(["grade", "--no-semantic", "7"], stdin: answer + "\n")
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("(only the first 4,000 characters of the answer were graded)"))
        let json = try TutorProcess.run(["grade", "--json", "--no-semantic", "7"], stdin: answer + "\n")
        #expect(try self.json(json.stdout)["truncated"] as? Bool == true)
    }
}
