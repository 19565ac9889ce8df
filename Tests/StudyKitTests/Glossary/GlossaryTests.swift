import Foundation
import Testing

@testable import StudyKit

@Suite("Glossary")
struct GlossaryTests {
    @Test func embeddedCopyMatchesCorpusFolder() throws {
        try BundledCorpusTests.expectEmbeddedCopy(BundledGlossary.markdown, matches: BundledGlossary.fileName)
    }

    @Test func parsesRulesSynonymsAndUncoveredWords() throws {
        let glossary = try GlossaryParser().parse(
            """
            # Glossary
            Prose is ignored.
            ## Acronyms
            - DRF | Django REST Framework: REST, APIs
            ## Synonyms
            - visitor | visitors: user
            ## Not covered
            - kubernetes, Docker
            """, source: "g.md")
        #expect(glossary.rules.count == 2)
        #expect(glossary.rules[0].triggerText == ["DRF", "Django REST Framework"])
        #expect(glossary.rules[0].triggers == [["drf"], ["django", "rest", "framework"]])
        #expect(glossary.rules[0].expansion.map(\.term) == ["rest", "api"])
        #expect(glossary.rules[0].line == 4)
        #expect(!glossary.rules[0].isSynonym)
        #expect(glossary.rules[1].isSynonym)
        #expect(glossary.uncoveredTerms == ["kubernet", "docker"])
    }

    @Test(arguments: [
        ("- DRF REST\n", "has no colon"), ("- | x: api\n", "has an empty trigger"), ("- DRF: the of\n", "expands to no searchable words"),
    ])
    func reportsMalformedLines(text: String, problem: String) {
        do {
            _ = try GlossaryParser().parse("# G\n" + text, source: "g.md")
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .malformedGlossary)
            #expect(error.line == 2)
            #expect(error.description.hasPrefix("g.md:2: this glossary rule \(problem)"))
        }
    }

    @Test func aCorpusGetsOnlyTheGlossaryBesideIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("glossary-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let withGlossary = folder.appendingPathComponent("faq.md")
        try "# G\n## Acronyms\n- apt: package manager\n".write(
            to: folder.appendingPathComponent("faq.glossary.md"), atomically: true, encoding: .utf8)
        #expect(GlossaryParser.companion(ofCorpusAt: withGlossary).lastPathComponent == "faq.glossary.md")
        let glossary = try GlossaryParser().parseCompanion(ofCorpusAt: withGlossary)
        #expect(glossary.rules.map(\.triggerText) == [["apt"]])
        #expect(try GlossaryParser().parseCompanion(ofCorpusAt: folder.appendingPathComponent("other.md")) == .empty)
    }

    @Test func bundledGlossaryParses() throws {
        let glossary = try BundledGlossary.load()
        #expect(glossary.rules.count >= 45)
        #expect(glossary.uncoveredTerms.contains("celeri"))
    }
}

@Suite("EnglishFrequency")
struct EnglishFrequencyTests {
    @Test func commonWordsTellLittleAndRareOnesEverything() {
        #expect(EnglishFrequency.informativeness(of: "the") == 0.1)
        #expect(EnglishFrequency.informativeness(of: "Honestly") <= 0.5)
        #expect(EnglishFrequency.informativeness(of: "middleware") == 1)
        #expect(EnglishFrequency.informativeness(of: "select_related") == 1)
        #expect(EnglishFrequency.zipfByWord.count > 19_000)
    }
}
