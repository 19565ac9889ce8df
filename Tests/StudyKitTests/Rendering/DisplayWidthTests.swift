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

@Suite("Display width of what the terminal gate shows")
struct GatedWidthTests {
    @Test func controlCharactersCountAsTheyAreShown() {
        #expect(DisplayWidth.of("\u{01}" as Unicode.Scalar) == 2)  // ^A
        #expect(DisplayWidth.of("\u{7F}" as Unicode.Scalar) == 2)  // ^?
        #expect(DisplayWidth.of("\u{9B}" as Unicode.Scalar) == 8)  // <U+009B>
        #expect(DisplayWidth.of("\u{202E}" as Unicode.Scalar) == 8)  // <U+202E>
        #expect(DisplayWidth.of("\n" as Unicode.Scalar) == 0)
    }

    @Test func onlyOurOwnStylesAreInvisible() {
        let ours = TextStyle.color.bold("bold") + " text"
        #expect(TextStyle.visibleWidth(ours) == 9)
        let foreign = "a\u{1B}]0;title\u{07}bcdefm tail"
        #expect(TextStyle.visibleWidth(foreign) == TerminalSanitizer.sanitize(foreign, keepingStyles: false).count)
        // So a line made long by a corpus's escapes is still wrapped to the terminal.
        let renderer = TextRenderer(width: 20, style: .plain)
        let fitted = renderer.fitted(String(repeating: "\u{1B}[2J word", count: 6))
        // Measured as the terminal will show it, not by the measure under test.
        #expect(fitted.split(separator: "\n").allSatisfy { TerminalSanitizer.sanitize(String($0), keepingStyles: false).count <= 20 })
        #expect(fitted.contains("\n"))
    }
}
