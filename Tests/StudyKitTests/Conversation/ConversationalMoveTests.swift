import Testing

@testable import StudyKit

@Suite("Conversational moves")
struct ConversationalMoveTests {
    @Test(arguments: [
        ("tell me more", ConversationalMove.more), ("Go on.", .more), ("ok, more please", .more),
        ("why?", .why), ("why that one?", .why),
        ("explain that", .explain), ("Can you explain it in detail?", .explain),
        ("quiz me on that", .quiz), ("test me on this", .quiz), ("quiz me", .quiz),
        ("give me an example", .example), ("show me some code", .example), ("can i see code for that", .example),
        ("go back", .back), ("the previous one", .back),
        ("the second one", .hit(2)), ("the other one", .hit(2)), ("show me the third one", .hit(3)),
    ])
    func phrasingsAreMoves(_ line: String, _ move: ConversationalMove) {
        #expect(ConversationalMove(parsing: line) == move)
    }

    @Test(arguments: [
        "what is an example of a mixin?", "why is that faster?", "explain select_related", "more about middleware ordering",
        "and how is it different from the other one?", "second normal form", "",
    ])
    func questionsAreNotMoves(_ line: String) {
        #expect(ConversationalMove(parsing: line) == nil)
    }

    @Test func followUpCuesAreOpenersAndPointers() {
        #expect(FollowUpCue.leansOnContext("and an app?"))
        #expect(FollowUpCue.leansOnContext("what about prefetch_related?"))
        #expect(FollowUpCue.leansOnContext("when would I use them?"))
        #expect(!FollowUpCue.leansOnContext("how do I create a new app?"))
        #expect(!FollowUpCue.leansOnContext("on a different port?"))
    }
}
