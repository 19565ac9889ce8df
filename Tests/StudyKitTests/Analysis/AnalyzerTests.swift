import Testing

@testable import StudyKit

@Suite("Analyzer")
struct AnalyzerTests {
    @Test func cjkPairsAreTermsAsTheyAreAndLatinWordsAreAnalysedAsBefore() {
        let analyzer = Analyzer()
        #expect(analyzer.terms("数据库") == ["数据", "据库"])
        let mixed = analyzer.terms("Caching the querysets 缓存查询 with select_related")
        #expect(mixed.filter { !["缓存", "存查", "查询"].contains($0) } == analyzer.terms("Caching the querysets with select_related"))
        #expect(mixed.contains("缓存") && mixed.contains("查询"))
    }

    @Test func britishSpellingsMeetAmericanOnes() {
        let analyzer = Analyzer()
        for (british, american) in [("behaviour", "behaviors"), ("normalise", "normalize"), ("colours", "colors"), ("centre", "center")] {
            #expect(analyzer.terms(british) == analyzer.terms(american), "\(british) / \(american)")
        }
        #expect(analyzer.terms("analyses") != analyzer.terms("analyzes"), "a plural noun is not turned into a verb")
        #expect(AmericanSpelling.americanByBritish.count > 1_700)
    }

    let analyzer = Analyzer()

    @Test func foldsCaseDropsStopWordsAndStems() {
        #expect(analyzer.terms("What are the Queries?") == ["queri"])
        #expect(analyzer.terms("Running migrations") == ["run", "migrat"])
    }

    @Test func identifiersStayWholeAndUnstemmed() {
        #expect(analyzer.terms("select_related") == ["select_related", "select", "relat"])
        #expect(analyzer.analyze("select_related class-based").map(\.isIdentifier) == [true, false, false, false, false, false])
        #expect(analyzer.terms("settings.py") == ["settings.py", "set", "py"])
    }

    @Test func technicalWordsAreNotStopWords() {
        #expect(analyzer.terms("get all objects") == ["get", "all", "object"])
    }

    @Test func capitalisedOperatorsAreKept() {
        #expect(analyzer.terms("AND, OR, and NOT") == ["and", "or", "not"])
        #expect(analyzer.terms("this or that") == [])
    }

    @Test func possessivesAndContractions() {
        #expect(analyzer.terms("Django's ORM") == ["django", "orm"])
        #expect(analyzer.terms("what's it\u{2019}s") == [])
    }

    @Test func surfaceFormsAreKept() {
        let analyzed = analyzer.analyze("Queries")
        #expect(analyzed == [AnalyzedTerm(term: "queri", surface: "Queries")])
    }
}
