import Testing

@testable import StudyKit

@Suite("TextRenderer")
struct TextRendererTests {
    static let corpus = try! BundledCorpus.load()

    @Test func wrapsEveryLineToTheWidth() throws {
        for width in [40, 60, 100] {
            let text = TextRenderer(width: width, style: .plain).entry(try #require(Self.corpus.entry(id: 35)))
            for line in text.split(separator: "\n") {
                #expect(line.count <= width, "line longer than \(width): \(line)")
            }
        }
    }

    @Test func plainStyleHasNoEscapeCodesAndDropsBackticks() throws {
        let text = TextRenderer(width: 80, style: .plain).entry(try #require(Self.corpus.entry(id: 6)))
        #expect(!text.contains("\u{1B}"))
        #expect(!text.contains("`"))
        #expect(text.contains("django-admin startproject <name>"))
    }

    @Test func colorStyleMarksCodeAndKeepsWidth() throws {
        let text = TextRenderer(width: 50, style: .color).entry(try #require(Self.corpus.entry(id: 35)))
        #expect(text.contains("\u{1B}[33mselect_related\u{1B}[0m"))
        for line in text.split(separator: "\n") {
            #expect(TextStyle.visibleWidth(String(line)) <= 50)
        }
    }

    @Test func entryLayout() throws {
        let text = TextRenderer(width: 80, style: .plain).entry(try #require(Self.corpus.entry(id: 21)))
        #expect(text == """
            #21  What are Q objects, and when would you use them?
                 Intermediate · orm, queries
                 Q objects are a way to make complex queries such as AND, OR, and NOT. They
                 are combinable and reusable.
            """)
    }

    @Test func weakMatchSaysSoAndListsNearest() {
        let searcher = Searcher(corpus: Self.corpus)
        let text = TextRenderer(width: 80, style: .plain).searchResult(searcher.search("how do I deploy on kubernetes"))
        #expect(text.hasPrefix("No good match in this corpus. Nearest entries:\n  #"))
    }

    /// Found by RendererFuzz: the marker was cut from the highlighted text, so it lost the
    /// highlight's closing star (or, in colour, half an escape sequence) instead of the number.
    @Test func aListItemWhoseNumberIsMissedKeepsItsMarker() {
        let entry = Entry(id: 1, question: "Q?", section: "S", tags: [], answer: "2. select_related joins", line: 1)
        #expect(TextRenderer(width: 80, style: .plain).reference(entry, missed: ["2", "join"])
            == "Reference:\n     2. select_related *joins*")
        let colored = TextRenderer(width: 80, style: .color).reference(entry, missed: ["2"])
        #expect(colored.hasSuffix("\n     2. select_related joins"))
    }

    @Test func wrapperKeepsLongWordsWhole() {
        let lines = TextWrapper(width: 20).wrap("a " + String(repeating: "x", count: 30) + " b")
        #expect(lines == ["a", String(repeating: "x", count: 30), "b"])
    }
}
