import Testing

@testable import StudyKit

@Suite("Completer")
struct CompleterTests {
    static let completer = Completer(searcher: Searcher(corpus: try! BundledCorpus.load()))

    @Test func completesCommandsAtTheStartOfALine() {
        #expect(Self.completer.completions(line: "/qu", word: "/qu") == ["/quit", "/quiz"])
        #expect(Self.completer.completions(line: "/s", word: "/s") == ["/section", "/show", "/skip", "/stats"])
    }

    @Test func completesArgumentsByCommand() {
        #expect(Self.completer.completions(line: "/quiz Adv", word: "Adv") == ["Advanced"])
        #expect(Self.completer.completions(line: "/quiz or", word: "or") == ["orm"])
        #expect(Self.completer.completions(line: "/topic sec", word: "sec") == ["security"])
        #expect(Self.completer.completions(line: "/section i", word: "i") == ["Intermediate"])
        #expect(Self.completer.completions(line: "/show 3", word: "3") == ["3", "30", "31", "32", "33", "34", "35"])
    }

    @Test func completesCorpusWordsInQuestions() {
        #expect(Self.completer.completions(line: "what is prefetch_r", word: "prefetch_r") == ["prefetch_related"])
        #expect(Self.completer.completions(line: "midd", word: "midd").contains("middleware"))
    }
}
