import Foundation
import Testing

@testable import StudyKit

@Suite("Searcher")
struct SearcherTests {
    static let searcher = Searcher(corpus: try! BundledCorpus.load(), glossary: try! BundledGlossary.load())

    struct DevQuery: Decodable {
        let q: String
        let expect: [Int]
    }

    static func devQueries() throws -> [DevQuery] {
        let url = BundledCorpusTests.shared.appendingPathComponent("dev-queries.jsonl")
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map {
            try JSONDecoder().decode(DevQuery.self, from: Data($0.utf8))
        }
    }

    @Test(.enabled(if: BundledCorpusTests.hasShared, "needs ../shared/dev-queries.jsonl"))
    func devSetTopOneIsAtLeastNinetyPercent() throws {
        let queries = try Self.devQueries()
        try #require(queries.count >= 30)
        let misses = queries.filter { query in
            !query.expect.contains(Self.searcher.search(query.q, limit: 1).hits.first?.entry.id ?? -1)
        }
        let topOne = Double(queries.count - misses.count) / Double(queries.count)
        #expect(topOne >= 0.90, "top-1 \(topOne); missed: \(misses.map(\.q))")
    }

    @Test(arguments: [
        ("what is select_related?", 35), ("how do I do OR queries", 21), ("middleware order", 27),
        ("create a project with django-admin", 6), ("post_save", 26), ("MTV", 4),
    ])
    func answersConfidently(query: String, expected: Int) {
        let result = Self.searcher.search(query)
        #expect(result.hits.first?.entry.id == expected)
        #expect(result.confident)
        #expect(result.correctedQuery == nil)
    }

    @Test(arguments: ["best pizza in naples", "asdf", "how do I deploy on kubernetes", "what is a python decorator"])
    func offTopicIsNotConfident(query: String) {
        #expect(!Self.searcher.search(query).confident)
    }

    @Test func correctsMisspelledWords() {
        let result = Self.searcher.search("selct_related")
        #expect(result.correctedQuery == "select_related")
        #expect(result.hits.first?.entry.id == 35)
        #expect(Self.searcher.search("midleware ordering").correctedQuery == "middleware ordering")
        #expect(Self.searcher.search("sesions").hits.first?.entry.id == 28)
    }

    @Test func shortWordsAreNotCorrected() {
        #expect(Self.searcher.search("best pizza").correctedQuery == nil)
    }

    /// Two Chinese entries and an English one: CJK runs are one token no more, so a query that is
    /// a phrase inside an entry's text finds it.
    static let chinese = Searcher(
        corpus: try! CorpusParser().parse(
            """
            # 中文
            ## 基础
            ### 1. 什么是数据库迁移？
            迁移记录模型的改动，并把这些改动应用到数据库的表结构中。
            ### 2. 如何配置缓存？
            在设置里选择缓存后端，例如内存缓存或文件缓存。
            ### 3. What is a view?
            A view takes a request and returns a response.
            """, source: "chinese.md"))

    @Test func aChineseQueryFindsTheEntryThatHoldsIt() {
        #expect(Self.chinese.search("数据库迁移").hits.first?.entry.id == 1)
        #expect(Self.chinese.search("改动应用到数据库").hits.first?.entry.id == 1)
        #expect(Self.chinese.search("缓存后端").hits.first?.entry.id == 2)
        #expect(Self.chinese.search("怎么把改动应用到数据库").hits.first?.entry.id == 1)
        #expect(Self.chinese.search("view 请求").hits.first?.entry.id == 3)
    }

    @Test func limitAndOrdering() {
        let result = Self.searcher.search("queries", limit: 4)
        #expect(result.hits.count == 4)
        #expect(zip(result.hits, result.hits.dropFirst()).allSatisfy { $0.score >= $1.score })
        #expect(Self.searcher.search("queries", limit: 0).hits.isEmpty)
    }

    @Test func emptyAndPunctuationOnlyQueries() {
        for query in ["", "   ", "?!", "the and of"] {
            let result = Self.searcher.search(query)
            #expect(result.hits.isEmpty)
            #expect(!result.confident)
        }
    }

    @Test func keyTermsAreNoOrdinaryVerbsAndNoPartOfACompoundKeyTerm() {
        let model = Self.searcher.keyTerms(ofEntry: 12, limit: 12).map(\.surface)
        #expect(Set(model).isDisjoint(with: ["specifies", "defines", "corresponds"]), "\(model)")
        #expect(model.contains("field") && model.contains("database"), "\(model)")
        let admin = Self.searcher.keyTerms(ofEntry: 10, limit: 12).map(\.surface)
        #expect(admin.contains("createsuperuser") && !admin.contains("superuser"), "\(admin)")
    }

    @Test func theDomainNamesItsOwnWordsWhateverEnglishDoesWithThem() {
        // Verbs in everyday English, nouns here: the glossary names them or the code is built of them.
        for word in ["model", "models", "view", "views", "form", "forms", "filters", "requests", "signals", "logging", "save", "reverse"] {
            let term = Self.searcher.analyzer.analyze(word)[0]
            #expect(!Self.searcher.isOrdinaryWord(term), "\(word)")
        }
        for word in ["defines", "loads", "occur", "efficiently", "creates"] {
            #expect(Self.searcher.isOrdinaryWord(Self.searcher.analyzer.analyze(word)[0]), "\(word)")
        }
    }

    @Test func relatedEntriesNeverListTheEntryItself() {
        for entry in Self.searcher.corpus.entries {
            let related = Self.searcher.relatedEntries(toEntry: entry.id, limit: 40)
            #expect(!related.isEmpty, "#\(entry.id) has no related entry")
            #expect(!related.map(\.entry.id).contains(entry.id), "#\(entry.id) lists itself")
            #expect(related.map(\.score) == related.map(\.score).sorted(by: >))
        }
    }
}

@Suite("SpellingCorrector")
struct SpellingCorrectorTests {
    @Test func distanceCountsTranspositionsOnce() {
        let distance = { (a: String, b: String) in
            SpellingCorrector.distance(Array(a.unicodeScalars), Array(b.unicodeScalars), limit: 5)
        }
        #expect(distance("sesions", "sessions") == 1)
        #expect(distance("form", "from") == 1)
        #expect(distance("kitten", "sitting") == 3)
        #expect(SpellingCorrector.distance(Array("abcdef".unicodeScalars), Array("uvwxyz".unicodeScalars), limit: 2) == nil)
    }

    @Test func prefersTheNearerThenTheMoreFrequentWord() {
        let corrector = SpellingCorrector(frequencies: ["session": 5, "sessions": 2, "version": 9])
        #expect(corrector.correction(for: "sesssions") == "sessions")
        #expect(corrector.correction(for: "sessionz") == "session", "a tie in distance goes to the more frequent word")
        #expect(corrector.correction(for: "sesion") == "session")
        #expect(corrector.correction(for: "session") == nil)
        #expect(corrector.correction(for: "zzzzzzz") == nil)
    }

    @Test func aHugeQueryIsCutToTheLimitAndSaysSo() {
        let searcher = Searcher(corpus: try! BundledCorpus.load())
        let query = String(repeating: "what is select_related ", count: 500_000)
        let result = searcher.search(query)
        #expect(result.queryWasCut)
        #expect(result.query == String(query.prefix(Searcher.queryLimit.characters)))
        #expect(result.hits.first?.entry.id == 35)
        let text = TextRenderer(width: 80, style: .plain).searchResult(result)
        #expect(text.hasPrefix("(only the first 1,000 characters of the question were searched)\n"))
        #expect(JSONOutput.search(result).contains(#""truncated":true"#))
        #expect(!searcher.search("what is select_related").queryWasCut)
    }
}
