import Foundation
import Testing

@testable import StudyKit

@Suite("Tutor session: conversation")
struct TutorSessionConversationTests {
    static let renderer = TextRenderer(width: 100, style: .plain)

    static func session() -> TutorSession {
        TutorSession(searcher: BuiltInHybridSearch.searcher, progress: nil, seed: 3, clock: { Date(timeIntervalSince1970: 0) })
    }

    @Test func aFollowUpSaysWhatItFollows() {
        var session = Self.session()
        _ = session.handle("how do I create a new project?", renderer: Self.renderer)
        let reply = session.handle("and an app?", renderer: Self.renderer).text
        #expect(reply.hasPrefix("(following up on #6)"))
        #expect(reply.contains("#7   How do you start a new app?"))
    }

    @Test func aRepeatedAnswerIsSaidInOneLine() {
        var session = Self.session()
        _ = session.handle("what are Q objects?", renderer: Self.renderer)
        let reply = session.handle("when would I use them?", renderer: Self.renderer).text
        #expect(reply.contains("That is #21 again, shown just above"))
        #expect(!reply.contains("Q objects are a way to make"), "the entry is not printed again")
    }

    @Test func anEntryShownByNumberIsFollowedUpByMeaningToo() {
        var session = Self.session()
        _ = session.handle("21", renderer: Self.renderer)
        let reply = session.handle("when would I use them?", renderer: Self.renderer).text
        #expect(reply.hasPrefix("(following up on #21)"), "the entry's own question is the context's meaning")
        #expect(reply.contains("That is #21 again"))
    }

    @Test func movesWithoutAConversationSayWhatTheyNeed() {
        var session = Self.session()
        #expect(session.handle("tell me more", renderer: Self.renderer).text == "Ask a question first; then \"tell me more\" continues it.")
        #expect(session.handle("go back", renderer: Self.renderer).text.contains("nothing to go back to"))
    }

    @Test func quizMeOnThatPutsTheEntryInFocus() {
        var session = Self.session()
        _ = session.handle("what is middleware?", renderer: Self.renderer)
        let reply = session.handle("quiz me on that", renderer: Self.renderer).text
        #expect(reply.contains("A question on #27"))
        #expect(session.mode == .quiz)
        #expect(session.prompt == "quiz› ")
    }

    @Test func explainThatExplainsTheEntryInFocus() {
        var session = Self.session()
        _ = session.handle("how do I make OR queries", renderer: Self.renderer)
        let reply = session.handle("explain that", renderer: Self.renderer).text
        #expect(reply.contains("#21"))
        #expect(reply.contains("Key terms"))
    }

    @Test func giveMeAnExampleShowsTheEntrysExamples() {
        var session = Self.session()
        _ = session.handle("what are django signals?", renderer: Self.renderer)
        let reply = session.handle("give me an example", renderer: Self.renderer).text
        #expect(reply.contains("Examples:"))
        #expect(reply.contains("post_save"))
    }

    @Test func newForgetsTheThread() {
        var session = Self.session()
        _ = session.handle("how do I create a new project?", renderer: Self.renderer)
        _ = session.handle("/new", renderer: Self.renderer)
        let reply = session.handle("and an app?", renderer: Self.renderer).text
        #expect(!reply.contains("following up"))
    }

    @Test func whySaysWhatTheContextAdded() {
        var session = Self.session()
        _ = session.handle("how do I create a new project?", renderer: Self.renderer)
        _ = session.handle("and an app?", renderer: Self.renderer)
        let reply = session.handle("why?", renderer: Self.renderer).text
        #expect(reply.contains("Read as a follow-up of #6"))
        #expect(reply.replacingOccurrences(of: "\n", with: " ").contains("how do I create a new project?"))
        #expect(reply.contains("from the conversation: "), "the context's words, as their own origin")
        #expect(reply.contains("project 0.2500") && reply.contains("weight 0.2500 (conversation)"), "at half the weight they had")
    }
}
