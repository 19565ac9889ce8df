import Foundation
import Testing

@testable import StudyKit

@Suite("CorpusParser")
struct CorpusParserTests {
    let parser = CorpusParser()

    func parse(_ text: String) throws(CorpusError) -> Corpus {
        try parser.parse(text, source: "test.md")
    }

    func error(_ text: String) -> CorpusError? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func readsTitleSectionsEntriesAndTags() throws {
        let corpus = try parse(
            """
            # Sample
            An intro that is ignored.

            ## Basics
            Section intro, also ignored.
            ### 1. What is Django?
            Tags: Basics, setup

            A web framework.

            It is written in Python.
            ### 2. Second?
            Answer two.
            ## Advanced
            ### 5. Fifth?
            Tags: orm

            Answer five.
            """)
        #expect(corpus.title == "Sample")
        #expect(corpus.sections == ["Basics", "Advanced"])
        #expect(corpus.entries.map(\.id) == [1, 2, 5])
        #expect(corpus.entries[0].tags == ["basics", "setup"])
        #expect(corpus.entries[0].answer == "A web framework.\n\nIt is written in Python.")
        #expect(corpus.entries[1].tags == [])
        #expect(corpus.entries[1].answer == "Answer two.")
        #expect(corpus.entries[2].section == "Advanced")
        #expect(corpus.entries[2].line == 15)
    }

    @Test func unnumberedEntriesTakeTheNextFreeID() throws {
        let corpus = try parse("# T\n## S\n### A\na\n### 3. C\nc\n### D\nd\n### 2. B\nb\n### E\ne\n")
        #expect(corpus.entries.map(\.id) == [1, 3, 4, 2, 5])
    }

    @Test func headingsInsideFencesAreAnswerText() throws {
        let corpus = try parse("# T\n## S\n### 1. Q\n```python\n# a comment\n### not a heading\n```\nAfter.\n")
        #expect(corpus.entries.count == 1)
        #expect(corpus.entries[0].answer == "```python\n# a comment\n### not a heading\n```\nAfter.")
    }

    @Test func acceptsCRLFAndByteOrderMark() throws {
        let corpus = try parse("\u{FEFF}# T\r\n## S\r\n### 1. Q\r\nTags: orm\r\n\r\nLine one.\r\nLine two.\r\n")
        #expect(corpus.title == "T")
        #expect(corpus.entries[0].tags == ["orm"])
        #expect(corpus.entries[0].answer == "Line one.\nLine two.")
    }

    /// A line's ending is "\n" or "\r\n"; a carriage return anywhere else is the answer's own.
    @Test func onlyTheCarriageReturnEndingALineIsDropped() throws {
        let corpus = try parse("# T\r\n## S\r\n### 1. Q\r\n\r\nx\r\r\ny\rz\r\n\r\n### 2. R\nplain\n  ```\n\u{A0}\n   ``` \nend")
        #expect(corpus.entries[0].answer == "x\r\ny\rz")
        #expect(corpus.entries[1].answer == "plain\n  ```\n\u{A0}\n   ``` \nend")
    }

    /// Spaces of any script around a heading or a tag, and lines of nothing but white space
    /// around an answer, go, as they did when Foundation trimmed them.
    @Test func unicodeSpacesAreTrimmedAndBlankLinesDropped() throws {
        let corpus = try parse(
            "# \u{A0}T\u{3000}\n## S\t\n### 1. \u{2003}Q\u{A0}\nTags:\u{A0}ORM ,\u{3000}views\n\u{3000}\n \u{A0}\t\nLine one.\n\u{85}\n")
        #expect(corpus.title == "T")
        #expect(corpus.sections == ["S"])
        #expect(corpus.entries[0].question == "Q")
        #expect(corpus.entries[0].tags == ["orm", "views"])
        #expect(corpus.entries[0].answer == "Line one.")
    }

    @Test func fourHashesAndNoSpaceAreNotHeadings() throws {
        let corpus = try parse("# T\n## S\n### 1. Q\n#### sub\n#hashtag\nend\n")
        #expect(corpus.entries[0].answer == "#### sub\n#hashtag\nend")
    }

    @Test func emptyFile() {
        #expect(error("")?.kind == .emptyFile)
        #expect(error("")?.description == "test.md: the file is empty. A corpus starts with `# Title`, then `## Section` and `### Question` headings")
    }

    @Test func noEntries() {
        #expect(error("# Title\n\n## Section\nsome text\n")?.kind == .noEntries)
    }

    @Test func missingTitleNamesTheLine() {
        let found = error("\n## Section\n### 1. Q\nA\n")
        #expect(found?.kind == .missingTitle)
        #expect(found?.line == 2)
    }

    @Test func secondTitle() {
        let found = error("# One\n## S\n### 1. Q\nA\n# Two\n")
        #expect(found?.kind == .duplicateTitle)
        #expect(found?.line == 5)
    }

    @Test func entryWithEmptyAnswer() {
        let found = error("# T\n## S\n### 1. Q\nTags: orm\n\n### 2. R\nAnswer.\n")
        #expect(found?.kind == .emptyAnswer)
        #expect(found?.line == 3)
        #expect(found?.description.hasPrefix("test.md:3: entry 1 \"Q\" has no answer") == true)
    }

    @Test func duplicateIDPointsAtBothLines() {
        let found = error("# T\n## S\n### 7. Q\nA\n### 7. R\nB\n")
        #expect(found?.kind == .duplicateID)
        #expect(found?.line == 5)
        #expect(found?.problem.contains("first at line 3") == true)
    }

    @Test(arguments: ["# T\n## S\n###\nA\n", "# T\n##   \n### 1. Q\nA\n", "#\n## S\n### 1. Q\nA\n", "# T\n## S\n### 3.\nA\n"])
    func headingWithoutText(text: String) {
        #expect(error(text)?.kind == .headingWithoutText)
    }

    @Test func entryBeforeAnySection() {
        let found = error("# T\n### 1. Q\nA\n")
        #expect(found?.kind == .entryOutsideSection)
        #expect(found?.line == 2)
    }

    @Test func tagsLineInTheWrongPlace() {
        let inAnswer = error("# T\n## S\n### 1. Q\nAn answer.\nTags: orm\n")
        #expect(inAnswer?.kind == .misplacedTags)
        #expect(inAnswer?.line == 5)
        let underSection = error("# T\n## S\nTags: orm\n### 1. Q\nA\n")
        #expect(underSection?.kind == .misplacedTags)
        #expect(underSection?.line == 3)
    }

    @Test func tagsInsideAFenceAreCode() throws {
        let corpus = try parse("# T\n## S\n### 1. Q\nTags: a\n\n```\nTags: not really\n```\n")
        #expect(corpus.entries[0].tags == ["a"])
    }

    @Test func unclosedFence() {
        let found = error("# T\n## S\n### 1. Q\n```\ncode\n### 2. R\nB\n")
        #expect(found?.kind == .unclosedFence)
        #expect(found?.line == 4)
    }

    @Test func invalidUTF8NamesTheLine() {
        var data = Data("# T\n## S\n### 1. Q\n".utf8)
        data.append(contentsOf: [0x63, 0x61, 0x66, 0xE9, 0x0A])
        do {
            _ = try parser.parse(data, source: "latin1.md")
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .invalidUTF8)
            #expect(error.line == 4)
            #expect(error.description.hasPrefix("latin1.md:4: the file is not valid UTF-8"))
        }
    }

    @Test func missingFileIsAnErrorNotACrash() {
        do {
            _ = try parser.parse(contentsOf: URL(fileURLWithPath: "/nonexistent/corpus.md"))
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .unreadableFile)
            #expect(error.description.contains("/nonexistent/corpus.md"))
            #expect(error.problem == "cannot read the file (No such file or directory)")
        }
    }

    @Test func anEndlessFileStopsAtTheCapWithAMessageNamingIt() {
        do {
            _ = try CorpusParser(maximumFileSize: 1 << 20).parse(contentsOf: URL(fileURLWithPath: "/dev/zero"))
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .fileTooLarge)
            #expect(error.description.hasPrefix("/dev/zero: the file holds more than 1 MB, the most a corpus may hold."))
        }
    }

    @Test(arguments: ["/dev/null", "/tmp"])
    func aFileThatIsNotACorpusGetsTheRealReason(path: String) {
        do {
            _ = try parser.parse(contentsOf: URL(fileURLWithPath: path))
            Issue.record("expected an error")
        } catch {
            #expect(!error.description.contains("Permission denied"))
            #expect(error.problem == (path == "/tmp" ? "cannot read the file (Is a directory)" : "the file is empty"))
        }
    }
}
