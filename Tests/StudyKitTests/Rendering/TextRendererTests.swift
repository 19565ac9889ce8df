import Foundation
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
        #expect(
            text == """
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

    /// CJK pairs overlap (`数据`, `据库`): each character is marked once, in order.
    @Test func highlightingOverlappingCjkPairsMarksEachCharacterOnce() {
        let highlighter = TermHighlighter(terms: ["数据", "据库"], style: .plain)
        #expect(highlighter.highlight("用数据库。") == "用*数据**库*。")
        #expect(TermHighlighter(terms: ["据库"], style: .plain).highlight("数据库") == "数*据库*")
    }

    /// Found by RendererFuzz: the marker was cut from the highlighted text, so it lost the
    /// highlight's closing star (or, in colour, half an escape sequence) instead of the number.
    @Test func aListItemWhoseNumberIsMissedKeepsItsMarker() {
        let entry = Entry(id: 1, question: "Q?", section: "S", tags: [], answer: "2. select_related joins", line: 1)
        #expect(
            TextRenderer(width: 80, style: .plain).reference(entry, missed: ["2", "join"])
                == "Reference:\n     2. select_related *joins*")
        let colored = TextRenderer(width: 80, style: .color).reference(entry, missed: ["2"])
        #expect(colored.hasSuffix("\n     2. select_related joins"))
    }

    @Test func wrapperKeepsLongWordsWhole() {
        let lines = TextWrapper(width: 20).wrap("a " + String(repeating: "x", count: 30) + " b")
        #expect(lines == ["a", String(repeating: "x", count: 30), "b"])
    }
}

@Suite("TextRenderer quiz and fitting")
struct TextRendererQuizTests {
    let renderer = TextRenderer(width: 60, style: .plain)

    @Test func fittedRewrapsOnlyTheLinesThatAreTooWide() {
        let long = String(repeating: "word ", count: 20).trimmingCharacters(in: .whitespaces)
        let text = "short line\n    " + long + "\n\nlast"
        let fitted = renderer.fitted(text)
        let lines = fitted.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "short line")
        #expect(lines.last == "last")
        #expect(lines.allSatisfy { $0.count <= 60 })
        #expect(lines.dropFirst().dropLast(2).allSatisfy { $0.hasPrefix("    word") }, "wrapped lines hang under their indent")
        #expect(fitted.replacingOccurrences(of: "\n    ", with: " ").contains(long))
        #expect(renderer.fitted(fitted) == fitted)
    }

    @Test func ratingPromptKeepsEachChoiceWholeAndShowsIntervals() {
        let intervals: [Rating: TimeInterval] = [.again: 60, .hard: 330, .good: 600, .easy: 4 * 86_400]
        let prompt = renderer.ratingPrompt(suggested: .good, intervals: intervals)
        #expect(prompt == "Rate it [1] again 1m  [2] hard 6m  [3] good 10m  [4] easy 4d\n  (suggested: 3 good; Enter takes it)")
        #expect(
            TextRenderer(width: 40, style: .plain).ratingPrompt(suggested: nil, intervals: intervals)
                == "Rate it [1] again 1m  [2] hard 6m\n  [3] good 10m  [4] easy 4d")
    }

    @Test func aScoreWithNoKeyTermSaysWhereItCameFrom() {
        let entry = Entry(id: 1, question: "Q?", section: "S", tags: [], answer: "A *model* is a class.", line: 1)
        let some = Grade(entryID: 1, score: 8, covered: [], missed: ["model"], missedTerms: ["model"])
        let none = Grade(entryID: 1, score: 0, covered: [], missed: ["model"], missedTerms: ["model"])
        #expect(renderer.grade(some, entry: entry).hasPrefix("Score 8 · covered: no key term, only related wording ·\nmissed: model"))
        #expect(renderer.grade(none, entry: entry).hasPrefix("Score 0 · covered: none of the key terms · missed: model"))
    }

    @Test func relativeTimesNeverSayNowForTheFuture() {
        let now = Date(timeIntervalSince1970: 0)
        #expect(RelativeTime.describe(now.addingTimeInterval(30), from: now) == "in under a minute")
        #expect(RelativeTime.describe(now, from: now) == "now")
        #expect(RelativeTime.short(20) == "1m")
        #expect(RelativeTime.short(3 * 3_600) == "3h")
        #expect(RelativeTime.short(45 * 86_400) == "1.5mo")
        #expect(RelativeTime.short(800 * 86_400) == "2.2y")
    }
}

@Suite("TextRenderer columns")
struct TextRendererColumnTests {
    @Test func tablesLineUpByDisplayWidth() throws {
        let text = "# T\n\n## 初级\n\n### 1. 什么是模型?\n\nTags: 模型\n\n答案。\n\n## Advanced\n\n### 2. What is a view?\n\nTags: views\n\nA view.\n"
        let corpus = try CorpusParser().parse(text, source: "wide.md")
        let lines = TextRenderer(width: 60, style: .plain).topics(corpus).split(separator: "\n")
        let counts = lines.filter { $0.hasPrefix("  ") && $0.last?.isNumber == true }.prefix(2)
        #expect(counts.count == 2)
        // "初级" is two characters but four columns: both counts start at the same column.
        #expect(Set(counts.map { TextStyle.visibleWidth(String($0.dropLast())) }).count == 1)
        #expect(TextRenderer.pad("初级", to: 10) == "初级      ")
    }
}
