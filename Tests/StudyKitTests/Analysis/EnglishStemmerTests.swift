import Foundation
import Testing

@testable import StudyKit

@Suite("EnglishStemmer")
struct EnglishStemmerTests {
    let stemmer = EnglishStemmer()

    /// `word<TAB>stem` pairs written by `scripts/generate-stemmer-fixture` from `snowballstemmer`.
    static func fixturePairs() throws -> [(word: String, stem: String)] {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Fixtures/snowball-english.tsv")
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 2 else { return nil }
            return (String(fields[0]), String(fields[1]))
        }
    }

    @Test("matches snowballstemmer on every fixture word")
    func matchesReferenceFixture() throws {
        let pairs = try Self.fixturePairs()
        #expect(pairs.count >= 5000, "fixture has only \(pairs.count) rows")

        var mismatches: [String] = []
        var mismatchCount = 0
        for (word, expected) in pairs {
            let got = stemmer.stem(word)
            if got != expected {
                mismatchCount += 1
                if mismatches.count < 20 { mismatches.append("\(word): expected \(expected), got \(got)") }
            }
        }
        #expect(
            mismatchCount == 0,
            "\(mismatchCount) of \(pairs.count) words differ, first ones:\n\(mismatches.joined(separator: "\n"))"
        )
    }

    @Test(
        "notable words",
        arguments: [
            ("generously", "generous"),
            ("running", "run"),
            ("related", "relat"),
            ("queries", "queri"),
            ("communication", "communic"),
            ("skies", "sky"),
            ("dying", "die"),
            ("inning", "inning"),
            ("django's", "django"),
            ("saying", "say"),
            ("by", "by"),
        ])
    func notableWord(word: String, stem: String) {
        #expect(stemmer.stem(word) == stem)
    }

    @Test("keeps characters outside a-z")
    func nonASCIIWord() {
        #expect(stemmer.stem("cafés") == "café")
        #expect(stemmer.stem("naïvely") == "naïv")
    }
}
