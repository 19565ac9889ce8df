import Foundation
import Testing

@testable import StudyKit

/// Grading by the built-in rubric, on answers a fair interviewer judges, quoted in issue 24.
@Suite("Grading by a rubric")
struct RubricGradingTests {
    static let grader = Grader(
        searcher: BuiltInHybridSearch.searcher, rubric: try! BundledRubric.load(for: BuiltInHybridSearch.searcher.corpus), names: .django)

    /// Good answers in the learner's own words: suggested good or easy, or left to the learner;
    /// never "again" (#12's brief one: hard or better, or left to the learner).
    static let goodAnswers: [(Int, String)] = [
        (
            5,
            "A project is your whole site: the settings, the root URLconf and the deployment entry points. Apps are the self-contained pieces it is built from, like a blog or accounts, and one project holds many of them."
        ),
        (
            30,
            "save() runs every time a model instance is saved, from anywhere, so put logic there that must always happen; form_valid() only runs in a class-based view once the form has validated, so it suits request-specific work like setting the author."
        ),
        (
            26,
            "Signals let decoupled parts of the app react to events like post_save; avoid them when a direct call is clearer, because they hide control flow."
        ),
        (13, "A view is a Python function or class that takes a web request and returns a web response, like an HTML page, a redirect or a 404."),
        (12, "its a class that represents a table"),
        (16, "css, js and images served as-is, STATIC_URL, collectstatic, STATIC_ROOT, nginx or whitenoise"),
        (25, "objects is the default manager. you write a custom manager to add table-level query methods, e.g. Book.published.all()"),
        (10, "run createsuperuser and log in at /admin/"),
    ]

    @Test(arguments: 0..<goodAnswers.count)
    func aGoodAnswerIsNeverPreselectedAgain(_ index: Int) throws {
        let (id, answer) = Self.goodAnswers[index]
        let grade = try #require(Self.grader.grade(answer, forEntry: id))
        #expect(grade.preselected != .again, "#\(id) score \(grade.score)")
        if let preselected = grade.preselected {
            #expect(preselected.rawValue >= (id == 12 ? Rating.hard : Rating.good).rawValue, "#\(id) score \(grade.score)")
        }
    }

    @Test func anAnswerVeryLikelyGoodIsSurelyGood() throws {
        let grade = try #require(
            Self.grader.grade(
                "Q objects wrap filter conditions so you can combine them with | for OR, & for AND and ~ for NOT, and reuse them in complex lookups.",
                forEntry: 21))
        #expect(try #require(grade.goodOdds) >= GoodAnswerOdds.sureGood)
        #expect(grade.suggestionSure && [Rating.good, .easy].contains(grade.preselected), "\(grade.doubts)")
    }

    @Test func anAnswerVeryUnlikelyToBeGoodIsSurelyNotGood() throws {
        let grade = try #require(Self.grader.grade("it is a Django feature for the database", forEntry: 21))
        #expect(try #require(grade.goodOdds) <= GoodAnswerOdds.sureNotGood)
        #expect(grade.suggestionSure && [Rating.again, .hard].contains(grade.preselected), "\(grade.doubts)")
    }

    @Test func betweenTheEndsTheLearnerRates() throws {
        let grade = try #require(Self.grader.grade("they combine filters with OR", forEntry: 21))
        let odds = try #require(grade.goodOdds)
        #expect(odds > GoodAnswerOdds.sureNotGood && odds < GoodAnswerOdds.sureGood)
        #expect(grade.preselected == nil && grade.suggested != nil)
        #expect(grade.doubts == ["it may not be a full answer"])
    }

    /// Without the sense of meaning the odds are unknown: only a name the documentation lacks is sure.
    @Test func byWordsAloneOnlyAnUnknownNameIsSure() throws {
        let corpus = BuiltInHybridSearch.searcher.corpus
        let lexical = Grader(
            searcher: Searcher(corpus: corpus, glossary: try BundledGlossary.load()), rubric: try BundledRubric.load(for: corpus), names: .django)
        let full = try #require(
            lexical.grade(
                "Q objects wrap filter conditions so you can combine them with | for OR, & for AND and ~ for NOT, and reuse them in complex lookups.",
                forEntry: 21))
        #expect(full.goodOdds == nil && full.judgement != nil)
        #expect(!full.suggestionSure && full.doubts.contains { $0.contains("words alone") }, "\(full.doubts)")
        let invented = try #require(lexical.grade("python manage.py createapp blog makes the app folder", forEntry: 7))
        #expect(invented.suggestionSure && invented.preselected == .again, "\(invented.contradictions) \(invented.doubts)")
    }

    @Test func theOddsMoveTheSuggestionOffItsBandOnlyAtTheEnds() {
        func grade(score: Int, odds: Double?, contradicted: Bool = false) -> Grade {
            var grade = Grade(entryID: 1, score: score, covered: [], missed: [], missedTerms: [])
            grade.bands = Grade.rubricRatingBands
            grade.goodOdds = odds
            if contradicted { grade.contradictions = ["says X where the reference says Y"] }
            return grade
        }
        #expect(grade(score: 50, odds: 0.95).suggested == .good)
        #expect(grade(score: 80, odds: 0.95).suggested == .easy)
        #expect(grade(score: 70, odds: 0.05).suggested == .hard)
        #expect(grade(score: 10, odds: 0.05).suggested == .again)
        #expect(grade(score: 50, odds: 0.5).suggested == .hard)
        #expect(grade(score: 50, odds: nil).suggested == .hard)
        #expect(grade(score: 80, odds: 0.95, contradicted: true).suggested == .again)
    }

    @Test func aDenialOfWhatTheReferenceSaysIsNeverPreselectedGood() throws {
        let grade = try #require(
            Self.grader.grade("Django ships its own REST module in contrib, so you don't need any third-party package to build an API.", forEntry: 19))
        #expect(![Rating.good, .easy].contains(grade.preselected), "score \(grade.score)")
    }

    @Test func aClaimTheReferenceDoesNotMakeIsADoubtNotAContradiction() throws {
        let grade = try #require(Self.grader.grade(Self.goodAnswers[1].1, forEntry: 30))
        #expect(grade.contradictions.isEmpty)
        #expect(grade.doubts.contains { $0.contains("only runs") })
        #expect(!grade.suggestionSure)
    }

    @Test func feedbackNamesKeyPointsNotTheExamplesWords() throws {
        let grade = try #require(Self.grader.grade(Self.goodAnswers[0].1, forEntry: 5))
        let rubric = try BundledRubric.load(for: BuiltInHybridSearch.searcher.corpus).item(forEntry: 5)!
        #expect(Set(grade.keyPointsCovered + grade.keyPointsMissed) == Set(rubric.keyPoints.map(\.text)))
        #expect(grade.keyPointsCovered.contains("A single project can contain many apps."))
        let rendered = TextRenderer(width: 100, style: .plain).grade(grade, entry: BuiltInHybridSearch.searcher.corpus.entry(id: 5)!)
        #expect(rendered.contains("key points stated"))
        #expect(!rendered.contains("Instagram,"), "the example's words are no key points")
    }

    @Test func aStatedMisconceptionIsAContradiction() throws {
        let grade = try #require(Self.grader.grade("python manage.py createapp blog creates the app folder.", forEntry: 7))
        #expect(grade.contradictions.count >= 1)
        #expect(grade.suggested == .again)
    }

    @Test func aCorrectExampleAddedNeverLowersTheRubricScore() throws {
        let first = "A view is a Python function or class that takes a web request and returns a web response."
        let plain = try #require(Self.grader.grade(first, forEntry: 13))
        let withExample = try #require(Self.grader.grade(first + " For example an HTML page, a redirect or a 404.", forEntry: 13))
        let plainJudgement = try #require(plain.judgement)
        let exampleJudgement = try #require(withExample.judgement)
        #expect(exampleJudgement.score >= plainJudgement.score)
    }

    @Test func anOpenQuestionOfTheRubricIsSelfRated() throws {
        let grade = try #require(Self.grader.grade("I like DRF and django-debug-toolbar.", forEntry: 24))
        #expect(grade.selfRated)
        #expect(grade.preselected == nil)
    }

    @Test func aNameTheDocumentationLacksIsAContradiction() throws {
        let grade = try #require(Self.grader.grade("You run python manage.py startmodel blog to add a model.", forEntry: 12))
        #expect(grade.contradictions.contains("`manage.py startmodel` is not a Django command"))
        #expect(grade.preselected == .again)
        let chosen = try #require(
            Self.grader.grade("author.book_set.filter(title__icontains='django') follows the relation backwards.", forEntry: 22))
        #expect(chosen.contradictions.allSatisfy { !$0.contains("is not a Django") }, "a learner's own names are never checked")
    }

    @Test func unsurePromptPreselectsNothing() {
        let prompt = TextRenderer(width: 120, style: .plain).ratingPrompt(suggested: nil, selfRated: true)
        #expect(prompt.contains("rate yourself: the reference is above"))
        #expect(!prompt.contains("Enter takes"))
    }
}

@Suite("Compiled-in rubric vectors")
struct BundledRubricVectorsTests {
    @Test func theyAreTheCurrentRubricsEmbeddings() throws {
        let encoder = BuiltInHybridSearch.encoder
        let rubric = try BundledRubric.load(for: BuiltInHybridSearch.searcher.corpus)
        let table = try #require(
            BundledRubricVectors.table(for: rubric, modelIdentifier: encoder.modelIdentifier),
            "stale: run scripts/embed-corpus after editing the rubric")
        let item = try #require(rubric.item(forEntry: 35))
        let stored = try #require(table.statements(ofEntry: 35, item: item)?.misconceptions.last?.last)
        let fresh = encoder.embed(try #require(item.misconceptions.last?.phrasings.last))
        #expect(RubricJudge.cosine(stored, fresh) > 0.999)
    }

    @Test func anotherRubricGetsNone() throws {
        let rubric = Rubric(items: [1: Rubric.Item(keyPoints: [Rubric.Statement(phrasings: ["Water deeply."])], misconceptions: [])])
        #expect(BundledRubricVectors.table(for: rubric, modelIdentifier: BuiltInHybridSearch.encoder.modelIdentifier) == nil)
    }
}
