import Testing

@testable import StudyKit

@Suite("DisplayWidth")
struct DisplayWidthTests {
    @Test(arguments: [
        ("abc", 3), ("漢字", 4), ("ｆｕｌｌ", 8), ("한국어", 6), ("カタカナ", 8), ("🙂🚀", 4),
        ("e\u{301}", 1), ("a\u{200D}b", 2), ("\u{200B}", 0), ("❤\u{FE0F}", 2), ("❤", 1),
        ("👩\u{200D}💻", 2), ("👍🏽", 2), ("\u{1100}\u{1161}\u{11A8}", 2), ("🇫🇷", 2), ("\u{1B}[1m漢\u{1B}[0m", 2),
    ])
    func measuresColumnsAsATerminalShowsThem(text: String, columns: Int) {
        #expect(TextStyle.visibleWidth(text) == columns, "\(text)")
    }

    @Test func wideRangesAreSortedAndDisjoint() {
        for (earlier, later) in zip(DisplayWidth.wideRanges, DisplayWidth.wideRanges.dropFirst()) {
            #expect(earlier.upperBound + 1 < later.lowerBound)
        }
    }
}
