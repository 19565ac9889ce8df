import Foundation
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

    /// Tags and a section holding a C1 control (CSI, U+009B) and a right-to-left override (U+202E).
    static let hostile = try! CorpusParser().parse(
        "# Tricky\n## \u{202E}Advanced\n### 1. What is a model?\nTags: \u{9B}2Jwipe, \u{202E}lanigiro, orm\nA model maps a table.\n",
        source: "tricky.md")

    @Test func namesWithControlCharactersCompleteAsTheTerminalShowsThem() {
        let completer = Completer(searcher: Searcher(corpus: Self.hostile))
        let topics = completer.completions(line: "/topic ", word: "")
        #expect(topics == ["orm", "<U+009B>2jwipe", "<U+202E>lanigiro"])
        let everyName = topics + completer.completions(line: "/quiz ", word: "") + completer.completions(line: "/section ", word: "")
        #expect(everyName.allSatisfy { name in name.unicodeScalars.allSatisfy { TerminalSanitizer.replacement(for: $0) == nil } })
        // What was inserted (or typed from /topics) narrows the candidates as shown.
        #expect(completer.completions(line: "/topic <u+202e>l", word: "<u+202e>l") == ["<U+202E>lanigiro"])
        #expect(completer.completions(line: "/section <", word: "<") == ["<U+202E>Advanced"])
    }

    @Test func completedNamesFindTheirTopicOrSection() {
        let completer = Completer(searcher: Searcher(corpus: Self.hostile))
        let corpus = Self.hostile
        #expect(corpus.tag(named: "<U+009B>2jwipe") == "\u{9B}2jwipe")
        #expect(corpus.tag(named: "<u+202e>lanigiros") == "\u{202E}lanigiro")
        #expect(corpus.tag(named: "<U+202E>l") == "\u{202E}lanigiro")
        #expect(corpus.tag(named: "\u{202E}lanigiro") == "\u{202E}lanigiro")
        #expect(corpus.section(named: "<U+202E>Advanced") == "\u{202E}Advanced")
        for name in completer.completions(line: "/quiz ", word: "") where name != "due" && name != "weak" {
            #expect(QuizScope(name, in: corpus) != nil, "\(name)")
        }
        var session = TutorSession(searcher: Searcher(corpus: corpus), progress: nil, seed: 1, clock: { Date(timeIntervalSince1970: 0) })
        let completed = completer.completions(line: "/topic <U+009B>", word: "<U+009B>")
        #expect(completed == ["<U+009B>2jwipe"])
        let reply = session.handle("/topic " + (completed.first ?? ""), renderer: TextRenderer(width: 80, style: .plain))
        #expect(reply.text.contains("What is a model?"), "\(reply.text)")
    }

    @Test func onlyWhitespaceEndsANameBeingCompleted() {
        #expect(Completer.completesName(line: "/topic <U+20"))
        #expect(Completer.completesName(line: "/QUIZ "))
        #expect(Completer.completesName(line: "/section "))
        #expect(!Completer.completesName(line: "/topic"))
        #expect(!Completer.completesName(line: "/show 3"))
        #expect(!Completer.completesName(line: "what is <div"))
    }

    @Test func completesCorpusWordsInQuestions() {
        #expect(Self.completer.completions(line: "what is prefetch_r", word: "prefetch_r") == ["prefetch_related"])
        #expect(Self.completer.completions(line: "midd", word: "midd").contains("middleware"))
    }
}
