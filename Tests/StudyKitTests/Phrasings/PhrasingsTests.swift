import Foundation
import Testing

@testable import StudyKit

@Suite("Phrasings")
struct PhrasingsTests {
    static let corpus = try! CorpusParser().parse(
        """
        # Garden
        ## All
        ### 1. How often should I water tomatoes?
        Deeply, twice a week.
        ### 2. When do I prune roses?
        In late winter.
        """, source: "garden.md")

    @Test func embeddedCopyMatchesCorpusFolder() throws {
        try BundledCorpusTests.expectEmbeddedCopy(BundledPhrasings.markdown, matches: BundledPhrasings.fileName)
    }

    @Test func headingsNameEntriesAndBulletsArePhrasings() throws {
        let phrasings = try PhrasingsParser().parse(
            """
            # How learners ask
            Prose is ignored, and so is -this, which is no bullet.
            ### 2. when do i prune roses?
            - my roses got leggy, when do I cut them back
            *   trim rose bushes when\t
            ###\t1
            + tomato leaves are wilting every afternoon\r
            #### Notes end the entry's phrasings
            """, source: "garden.phrasings.md", for: Self.corpus)
        #expect(phrasings.of(entry: 2) == ["my roses got leggy, when do I cut them back", "trim rose bushes when"])
        #expect(phrasings.of(entry: 1) == ["tomato leaves are wilting every afternoon"])
        #expect(phrasings.of(entry: 3).isEmpty)
        #expect(phrasings.count == 3)
    }

    @Test func questionsUnderNotCoveredBelongToNoEntry() throws {
        let phrasings = try PhrasingsParser().parse(
            """
            ### 1
            - tomatoes split after rain
            ##  Not Covered:
            Questions the corpus does not answer.
            - how do I grow orchids indoors
            * best lawn mower for a small garden
            ### 2
            - roses look leggy
            ## Not covered
            - when to plant tulip bulbs
            """, source: "p.md", for: Self.corpus)
        #expect(phrasings.uncovered == ["how do I grow orchids indoors", "best lawn mower for a small garden", "when to plant tulip bulbs"])
        #expect(phrasings.of(entry: 1) == ["tomatoes split after rain"])
        #expect(phrasings.of(entry: 2) == ["roses look leggy"], "an entry heading ends the list")
        #expect(phrasings.count == 2, "questions not covered are no entry's phrasings")
    }

    @Test(arguments: [
        ("### roses\n- when\n", 2, "this heading names no entry"),
        ("### 7. Lilies?\n- when\n", 2, "the corpus has no entry #7"),
        ("- when do I prune\n", 2, "this phrasing belongs to no entry"),
        ("### 1\n- fine\n## Other section\n- orphan\n", 5, "this phrasing belongs to no entry"),
        ("### 1\n-    \n", 3, "this phrasing is empty"),
        ("### 1\n- fine\n#### Notes\n* orphan\n", 5, "this phrasing belongs to no entry"),
        ("## Not covered\n- orchids\n## Notes\n- orphan\n", 5, "this phrasing belongs to no entry"),
        ("## Not covered\n-\n", 3, "this phrasing is empty"),
        (
            "### 2. How often should I water tomatoes?\n- x\n", 2,
            "this heading gives #2 the question “How often should I water tomatoes?”, but #2 is “When do I prune roses?”"
        ),
    ])
    func reportsWhereAndWhatIsWrong(text: String, line: Int, problem: String) {
        do {
            _ = try PhrasingsParser().parse("# P\n" + text, source: "p.md", for: Self.corpus)
            Issue.record("expected an error for \(text.debugDescription)")
        } catch {
            #expect(error.kind == .malformedPhrasings)
            #expect(error.line == line)
            #expect(error.description.hasPrefix("p.md:\(line): \(problem). "), "\(error.description)")
        }
    }

    @Test func aCorpusGetsOnlyThePhrasingsBesideIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("phrasings-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "### 1\n- my tomatoes split\n".write(to: folder.appendingPathComponent("garden.phrasings.md"), atomically: true, encoding: .utf8)
        let garden = folder.appendingPathComponent("garden.md")
        #expect(PhrasingsParser.companion(ofCorpusAt: garden).lastPathComponent == "garden.phrasings.md")
        #expect(try PhrasingsParser().parseCompanion(ofCorpusAt: garden, corpus: Self.corpus).of(entry: 1) == ["my tomatoes split"])
        #expect(try PhrasingsParser().parseCompanion(ofCorpusAt: folder.appendingPathComponent("other.md"), corpus: Self.corpus) == .empty)
    }

    @Test func aByteOrderMarkIsNoTextAndInvalidUTF8IsReported() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("phrasings-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let garden = folder.appendingPathComponent("garden.md")
        let companion = PhrasingsParser.companion(ofCorpusAt: garden)
        try Data([0xEF, 0xBB, 0xBF] + Array("### 1\n- my tomatoes split\n".utf8)).write(to: companion)
        #expect(try PhrasingsParser().parseCompanion(ofCorpusAt: garden, corpus: Self.corpus).of(entry: 1) == ["my tomatoes split"])
        try Data(Array("### 1\n- caf".utf8) + [0xE9, 0x0A]).write(to: companion)
        #expect {
            try PhrasingsParser().parseCompanion(ofCorpusAt: garden, corpus: Self.corpus)
        } throws: { error in
            (error as? CorpusError)?.description.hasPrefix("\(companion.path): the corpus's phrasings file is not valid UTF-8.") == true
        }
    }

    @Test func theDebianFAQsPhrasingsBelongToItsEntries() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Evaluation/debian-faq")
        let faq = try CorpusParser().parse(contentsOf: folder.appendingPathComponent("debian-faq.md"))
        let phrasings = try PhrasingsParser().parseCompanion(ofCorpusAt: folder.appendingPathComponent("debian-faq.md"), corpus: faq)
        #expect(faq.entries.allSatisfy { phrasings.of(entry: $0.id).count == 8 })
    }

    @Test func bundledPhrasingsCoverEveryEntry() throws {
        let corpus = try BundledCorpus.load()
        let phrasings = try BundledPhrasings.load(for: corpus)
        #expect(corpus.entries.allSatisfy { !phrasings.of(entry: $0.id).isEmpty })
        #expect(phrasings.uncovered.count >= 100)
    }
}

@Suite("TextLines")
struct TextLinesTests {
    @Test func linesKeepTheirNumbersAndLoseSurroundingBlanks() {
        #expect(TextLines.trimmed("a\r\n\n  b\t \nc") == ["a", "", "b", "c"])
        #expect(TextLines.trimmed("") == [""])
        #expect(TextLines.trimmed("é ü\n") == ["é ü", ""])
        #expect(TextLines.trim(" \t x y \t") == "x y")
        #expect(TextLines.trimmed("\u{FEFF}### 1\nx") == ["### 1", "x"], "a byte order mark is no text")
    }
}
