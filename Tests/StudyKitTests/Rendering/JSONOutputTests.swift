import Foundation
import Testing

@testable import StudyKit

@Suite("JSONOutput")
struct JSONOutputTests {
    @Test func escapesEveryTerminalControlSoTheSanitizerLeavesItAlone() throws {
        let json = JSONOutput.encode(["text": "a\u{1B}[2J\u{7F}\u{9B}b"])
        #expect(json == #"{"text":"a\u001b[2J\u007f\u009bb"}"#)
        #expect(TerminalSanitizer.sanitize(json, keepingStyles: false) == json)
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String]
        #expect(decoded?["text"] == "a\u{1B}[2J\u{7F}\u{9B}b")
    }
}
