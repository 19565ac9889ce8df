import Foundation
import Testing

@testable import SentenceEmbedding

@Suite("WordPiece tokenizer")
struct WordPieceTokenizerTests {
    /// Every fixture string must give exactly the ids of the model's Hugging Face tokenizer.
    @Test func matchesTheHuggingFaceTokenizer() throws {
        let fixture = try Fixtures.load("wordpiece-tokens.json", as: Fixtures.TokenFile.self)
        #expect(fixture.cases.count >= 60)
        let tokenizer = Fixtures.encoder.tokenizer
        #expect(tokenizer.maxTokens == fixture.maxSeqLength)
        for testCase in fixture.cases {
            let ids = tokenizer.tokenIDs(testCase.text)
            #expect(ids == testCase.ids, "\(testCase.text.debugDescription): \(ids.map(tokenizer.vocabulary.token))")
        }
    }

    @Test func truncatesToTheModelsMaximumKeepingSeparator() {
        let tokenizer = Fixtures.encoder.tokenizer
        let ids = tokenizer.tokenIDs(String(repeating: "word ", count: 1000))
        #expect(ids.count == 256)
        #expect(ids.first == tokenizer.classifierID)
        #expect(ids.last == tokenizer.separatorID)
    }

    private static let tiny = WordPieceTokenizer(
        vocabulary: Vocabulary(tokens: [
            "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "un", "##believ", "##able",
            "##a", "a", "get", "_", "query", "##set", "(", ")", "!", "cafe",
        ]),
        maxTokens: 8, maxCharactersPerWord: 12)!

    private func pieces(_ text: String) -> [String] {
        Self.tiny.wordPieceIDs(text).map(Self.tiny.vocabulary.token)
    }

    @Test func greedyLongestMatchWithContinuations() {
        #expect(pieces("unbelievable!") == ["un", "##believ", "##able", "!"])
        #expect(pieces("get_queryset()") == ["get", "_", "query", "##set", "(", ")"])
        #expect(pieces("aaa") == ["a", "##a", "##a"])
    }

    @Test func aWordWithAnUnmatchedPartIsOneUnknown() {
        #expect(pieces("unbelievably get") == ["[UNK]", "get"])
    }

    @Test func wordsLongerThanTheLimitAreUnknown() {
        #expect(pieces(String(repeating: "a", count: 12)).count == 12)
        #expect(pieces(String(repeating: "a", count: 13)) == ["[UNK]"])
    }

    @Test func specialTokensAreMatchedInTheRawTextOnly() {
        #expect(pieces("[CLS]get[MASK]") == ["[CLS]", "get", "[MASK]"])
        // Lower case is no special token: "[", "cls" and "]" are ordinary words, unknown to this vocabulary.
        #expect(pieces("[cls]") == ["[UNK]", "[UNK]", "[UNK]"])
    }

    @Test func truncationKeepsClassifierAndSeparator() {
        let ids = Self.tiny.tokenIDs("get get get get get get get get get")
        #expect(ids.map(Self.tiny.vocabulary.token) == ["[CLS]", "get", "get", "get", "get", "get", "get", "[SEP]"])
    }

    @Test func normalisationLowercasesStripsAccentsAndSplits() {
        let words = WordPieceTokenizer.basicTokens("Café NAÏVE select_related()\tÅ\u{200B}b 中文")
            .map { String(String.UnicodeScalarView($0)) }
        #expect(words == ["cafe", "naive", "select", "_", "related", "(", ")", "ab", "中", "文"])
    }

    @Test func controlAndReplacementCharactersAreDropped() {
        let words = WordPieceTokenizer.basicTokens("a\u{0}\u{1}\u{FFFD}\u{E000}b\u{7F}c")
            .map { String(String.UnicodeScalarView($0)) }
        #expect(words == ["abc"])
    }

    @Test func lowercasesWithoutTheFinalSigmaRule() {
        let words = WordPieceTokenizer.basicTokens("ΟΔΥΣΣΕΥΣ").map { String(String.UnicodeScalarView($0)) }
        #expect(words == ["οδυσσευσ"])
    }

    @Test func vocabularyLookupFindsEveryTokenAndNothingElse() {
        let vocabulary = Fixtures.encoder.tokenizer.vocabulary
        #expect(vocabulary.count == 30522)
        for id in [0, 100, 101, 102, 103, 1996, 7276, 29612, 30521] {
            #expect(vocabulary.id(of: vocabulary.token(id)) == id)
        }
        #expect(vocabulary.id(of: "##ing") != nil)
        #expect(vocabulary.id(of: "select_related") == nil)
        #expect(vocabulary.id(of: "") == nil)
    }
}
