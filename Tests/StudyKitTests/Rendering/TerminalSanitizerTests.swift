import Testing

@testable import StudyKit

@Suite("TerminalSanitizer")
struct TerminalSanitizerTests {
    @Test func showsControlCharactersInCaretNotation() {
        let text = "What is \u{1B}[2Jmodel\u{1B}]0;PWNED\u{07}? A\rOVER\u{08}\u{00}\u{7F}"
        #expect(
            TerminalSanitizer.sanitize(text, keepingStyles: false)
                == "What is ^[[2Jmodel^[]0;PWNED^G? A^MOVER^H^@^?")
    }

    @Test func showsC1ControlsByCodePoint() {
        #expect(TerminalSanitizer.sanitize("a\u{9B}31mb\u{85}", keepingStyles: true) == "a<U+009B>31mb<U+0085>")
        // Bidirectional overrides and isolates reorder what follows; other punctuation of the same
        // block (· — … ›) passes.
        #expect(
            TerminalSanitizer.sanitize("a\u{202E}cba\u{2066}x\u{2069} · — … ›", keepingStyles: false)
                == "a<U+202E>cba<U+2066>x<U+2069> · — … ›")
    }

    @Test func keepsNewlinesTabsCRLFAndOrdinaryText() {
        let text = "line one\n\tindented — ünïcödé 漢字 🙂\r\nnext"
        #expect(TerminalSanitizer.sanitize(text, keepingStyles: false) == text)
    }

    @Test func keepsOurOwnStylingOnlyWhenAsked() {
        let styled = TextStyle.color.bold("Title") + " " + TextStyle.color.highlight("term") + TextStyle.color.dim("x")
        #expect(TerminalSanitizer.sanitize(styled, keepingStyles: true) == styled)
        #expect(!TerminalSanitizer.sanitize(styled, keepingStyles: false).contains("\u{1B}"))
    }

    @Test func everySequenceTextStyleEmitsIsKnown() {
        let style = TextStyle.color
        let outputs = [style.bold("x"), style.dim("x"), style.accent("x"), style.code("x"), style.good("x"), style.bad("x"), style.highlight("x")]
        for output in outputs {
            #expect(TerminalSanitizer.sanitize(output, keepingStyles: true) == output)
        }
    }

    @Test func stopsForeignSequencesEvenWhenKeepingStyles() {
        #expect(
            TerminalSanitizer.sanitize("\u{1B}[2J\u{1B}[8mhidden\u{1B}[1;1H", keepingStyles: true)
                == "^[[2J^[[8mhidden^[[1;1H")
    }

    @Test func closesAStyleTheTextLeavesOpen() {
        #expect(
            TerminalSanitizer.sanitize("A \u{1B}[31mred forever", keepingStyles: true)
                == "A \u{1B}[31mred forever\u{1B}[0m")
    }
}
