import Testing

@testable import StudyKit

@Suite("TextRenderer /help")
struct TextRendererHelpTests {
    static func help(width: Int) -> [String] {
        TextRenderer(width: width, style: .plain).help(CommandCatalog.all).split(separator: "\n").map(String.init)
    }

    /// The column each command's summary starts in, by the line of `/ask`.
    static func summaryColumn(_ lines: [String]) throws -> Int {
        let ask = try #require(lines.first { $0.hasPrefix("  /ask ") })
        let start = try #require(ask.range(of: "ask mode"))
        return ask.distance(from: ask.startIndex, to: start.lowerBound)
    }

    @Test func atFiftyColumnsTheCommandColumnShrinksAndLongUsagesStandAlone() throws {
        let lines = Self.help(width: 50)
        #expect(lines.allSatisfy { TextStyle.visibleWidth($0) <= 50 }, "\(lines)")
        let column = try Self.summaryColumn(lines)
        #expect(column <= 50 - TextRenderer.helpSummaryWidth, "\(lines)")
        let quiz = try #require(lines.firstIndex(of: "  /quiz [due|weak|topic|section]"), "\(lines)")
        #expect(lines[quiz + 1] == String(repeating: " ", count: column) + "quiz mode: answer questions,")
        #expect(lines.contains("  /skip" + String(repeating: " ", count: column - 7) + "quiz: skip this question"))
        for spec in CommandCatalog.all {
            #expect(lines.contains { $0.contains(spec.usage) }, "\(spec.usage)")
        }
    }

    @Test func atEightyColumnsEveryCommandKeepsItsSummaryBesideIt() throws {
        let lines = Self.help(width: 80)
        #expect(lines.allSatisfy { TextStyle.visibleWidth($0) <= 80 })
        #expect(try Self.summaryColumn(lines) == 34)
        #expect(lines.contains("  /quiz [due|weak|topic|section]  quiz mode: answer questions, get graded"))
        #expect(lines.contains("  /skip                           quiz: skip this question"))
    }
}
