import Testing

@testable import StudyKit

@Suite("CharacterLimit")
struct CharacterLimitTests {
    @Test func cutsOnlyWhatIsLonger() {
        let limit = CharacterLimit(5)
        #expect(limit.cut("short") == ("short", false))
        #expect(limit.cut("longer text") == ("longe", true))
        #expect(limit.cut("漢字e\u{301}🙂ab") == ("漢字e\u{301}🙂a", true))
    }

    @Test func describesItself() {
        #expect(CharacterLimit(4_000).description == "4,000 characters")
        #expect(CharacterLimit(1_000_000).description == "1,000,000 characters")
        #expect(CharacterLimit(999).description == "999 characters")
    }
}
