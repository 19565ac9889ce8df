import Testing

@testable import StudyKit

/// Follow-ups read in the context of the conversation, on the rows of issue 23's table.
@Suite("Follow-ups")
struct FollowUpTests {
    static let searcher = BuiltInHybridSearch.searcher

    static func reply(_ first: String, _ then: String) -> (first: SearchResult, then: FollowUpReading) {
        var conversation = Conversation()
        let first = conversation.ask(first, with: searcher).result
        return (first, conversation.ask(then, with: searcher))
    }

    @Test(arguments: [
        ("how do I create a new project?", "and an app?", 7),
        ("what is select_related?", "and how is it different from the other one?", 35),
        ("how do I run the development server?", "on a different port?", 8),
        ("what are Q objects?", "when would I use them?", 21),
    ])
    func anEllipticalFollowUpIsReadInContext(_ first: String, _ then: String, _ expected: Int) {
        let (_, reading) = Self.reply(first, then)
        #expect(reading.result.confident)
        #expect(reading.result.hits.first?.entry.id == expected)
        #expect(reading.followUpOf != nil)
        #expect(reading.result.query == then, "the typed line, not the context")
    }

    @Test func aQuestionAnsweredOnItsOwnIsATopicSwitch() {
        let (_, reading) = Self.reply("what is select_related?", "how do I create a new app?")
        #expect(reading.followUpOf == nil)
        #expect(reading.result.hits.first?.entry.id == 7)
    }

    @Test func withoutContextALineIsReadAlone() {
        let reading = Self.searcher.search("and an app?", after: nil)
        #expect(reading.followUpOf == nil)
        #expect(reading.result == Self.searcher.search("and an app?", limit: 3))
    }

    @Test(arguments: ["what's the weather in Paris?", "hey, how are you?", "can you help me with my cover letter"])
    func aLineAboutSomethingElseIsNotAnsweredThroughTheContext(_ line: String) {
        var conversation = Conversation()
        _ = conversation.ask("how do I create a new app?", with: Self.searcher)
        let reading = conversation.ask(line, with: Self.searcher)
        #expect(!reading.result.confident, "the context alone would answer it with #7")
        #expect(reading.followUpOf == nil)
        #expect(conversation.context?.focus == 7, "and the thread is kept")
    }

    @Test func theContextsWordsCountLessThanTheLinesOwn() throws {
        let context = Self.searcher.analyzeQuery("how do I create a new project?")
        let line = Self.searcher.analyzeQuery("and an app?")
        let followUp = line.following(context, weight: FollowUpCue.contextWeight)
        let app = try #require(followUp.terms.first { $0.term == "app" })
        let project = try #require(followUp.terms.first { $0.term == "project" })
        #expect(!app.isFromContext && project.isFromContext)
        let typedProject = try #require(context.terms.first { $0.term == "project" })
        #expect(project.weight == typedProject.weight * FollowUpCue.contextWeight)
        #expect(followUp.information == line.information, "coverage is still of what the line says")
    }

    @Test func movesActOnTheFocusTheSecondHitOrTheEntryBefore() throws {
        var conversation = Conversation()
        #expect(conversation.target(of: .more) == nil)
        _ = conversation.ask("what is select_related?", with: Self.searcher)
        let hits = try #require(conversation.context?.hits)
        #expect(conversation.target(of: .more) == 35)
        #expect(conversation.target(of: .hit(2)) == hits[1])
        _ = conversation.ask("what is middleware?", with: Self.searcher)
        #expect(conversation.target(of: .back) == 35)
        conversation.focus(on: Self.searcher.corpus.entry(id: 35)!, goingBack: true)
        #expect(conversation.context?.focus == 35)
        #expect(conversation.target(of: .back) == nil)
        conversation.reset()
        #expect(conversation.context == nil)
    }

    @Test func anUnansweredLineKeepsTheThread() {
        var conversation = Conversation()
        _ = conversation.ask("what are django signals?", with: Self.searcher)
        let reading = conversation.ask("how do I deploy on kubernetes", with: Self.searcher)
        #expect(!reading.result.confident)
        #expect(conversation.context?.focus == 26)
    }
}
