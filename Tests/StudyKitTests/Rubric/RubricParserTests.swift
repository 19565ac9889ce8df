import Foundation
import Testing

@testable import StudyKit

@Suite("Rubric parser")
struct RubricParserTests {
    static let corpus = PhrasingsTests.corpus

    static func parse(_ text: String) throws(CorpusError) -> Rubric {
        try RubricParser().parse(text, source: "garden.rubric.md", for: corpus)
    }

    static func error(_ text: String) -> CorpusError? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func embeddedCopyMatchesCorpusFolder() throws {
        try BundledCorpusTests.expectEmbeddedCopy(BundledRubric.markdown, matches: BundledRubric.fileName)
    }

    @Test func builtInRubricCoversEveryEntry() throws {
        let corpus = try BundledCorpus.load()
        let rubric = try BundledRubric.load(for: corpus)
        #expect(corpus.entries.allSatisfy { rubric.item(forEntry: $0.id) != nil })
        #expect(rubric.keyPointCount == 129)
        #expect(rubric.misconceptionCount == 119)
        #expect(rubric.item(forEntry: 24)?.isOpen == true)
        #expect(rubric.item(forEntry: 5)?.keyPoints.first?.text == "A single project can contain many apps.")
    }

    @Test func pythonFAQRubricCoversEveryEntry() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../Evaluation/python-faq/python-faq.md")
            .standardized
        let corpus = try CorpusParser().parse(contentsOf: url)
        let rubric = try RubricParser().parseCompanion(ofCorpusAt: url, corpus: corpus)
        #expect(corpus.entries.allSatisfy { rubric.item(forEntry: $0.id) != nil })
    }

    @Test func listsHoldStatementsWithTheirAlternatives() throws {
        let rubric = try Self.parse(
            """
            # Rubric: Garden
            Prose before the first entry is ignored, - and so is this.
            ### 2. When do I prune roses?
            Open question.
            Key points:
            - Prune in late winter. | cut them back before spring |  at the end of winter
            * Use `shears | loppers` as you like.

            misconceptions
            + Prune in midsummer.
            ###\t1
            Key point:
            - Water deeply.
            """)
        let roses = try #require(rubric.item(forEntry: 2))
        #expect(roses.isOpen)
        #expect(
            roses.keyPoints.map(\.phrasings) == [
                ["Prune in late winter.", "cut them back before spring", "at the end of winter"], ["Use `shears | loppers` as you like."],
            ])
        #expect(roses.misconceptions.map(\.text) == ["Prune in midsummer."])
        #expect(rubric.item(forEntry: 1)?.keyPoints.map(\.text) == ["Water deeply."])
        #expect(rubric.item(forEntry: 1)?.isOpen == false)
    }

    @Test func problemsNameTheirLine() {
        let cases: [(String, Int, String)] = [
            ("### 1\n- Water deeply.", 2, "comes before `Key points:`"),
            ("- Water deeply.\n### 1\nKey points:\n- x", 1, "belongs to no entry"),
            ("### 3\nKey points:\n- x", 1, "no entry #3"),
            ("### 1. When do I water?\nKey points:\n- x", 1, "gives #1 the question"),
            ("\n### 1\nMisconceptions:\n- x", 2, "entry #1 has no key points"),
            ("### 1\nKey points:\n- x |  | y", 3, "is empty"),
            ("### 1\nKey points:\n- x\n### 1\nKey points:\n- y", 4, "has a rubric already"),
            ("### 1\nKey points:\n- x\nThe answer should be short.", 4, "neither a list label nor a statement"),
            ("### 1\nKey points:\n- x\n## Notes", 4, "only `### N` headings"),
        ]
        for (text, line, problem) in cases {
            let error = Self.error(text)
            #expect(error?.kind == .malformedRubric, "\(text)")
            #expect(error?.line == line, "\(text)")
            #expect(error?.problem.contains(problem) == true, "\(error?.problem ?? "no error") for \(text)")
            #expect(error?.description.hasPrefix("garden.rubric.md:\(line): ") == true)
        }
    }

    @Test func aCorpusWithoutARubricHasAnEmptyOne() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rubric-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let corpusURL = directory.appendingPathComponent("garden.md")
        #expect(try RubricParser().parseCompanion(ofCorpusAt: corpusURL, corpus: Self.corpus) == .empty)
        try "### 1\nKey points:\n- Water deeply.\n".write(to: RubricParser.companion(ofCorpusAt: corpusURL), atomically: true, encoding: .utf8)
        #expect(try RubricParser().parseCompanion(ofCorpusAt: corpusURL, corpus: Self.corpus).keyPointCount == 1)
    }
}
