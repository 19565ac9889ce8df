import Testing

@testable import StudyKit

@Suite("Grader")
struct GraderTests {
    static let grader = Grader(searcher: Searcher(corpus: try! BundledCorpus.load(), glossary: try! BundledGlossary.load()))

    @Test func synonymsEarnCreditAndForeignTalkCostsPrecision() throws {
        let synonym = try #require(Self.grader.grade("it keeps a visitor's data on the server", forEntry: 28))
        #expect(synonym.covered.contains("visitor (for user's)"), "the glossary's synonym for user: \(synonym.covered)")
        let onTopic = try #require(Self.grader.grade("sessions keep a user's data on the server with a cookie", forEntry: 28))
        let offTopic = try #require(Self.grader.grade("sessions are database transactions opened by SQLAlchemy for each query", forEntry: 28))
        #expect(onTopic.precision > offTopic.precision)
        #expect(onTopic.score > offTopic.score)
    }

    @Test func fullAnswerScoresHighAndEmptyScoresZero() throws {
        let full = try #require(Self.grader.grade(
            "select_related follows a foreign key or one-to-one relationship with a SQL join in a single query; prefetch_related does a separate query per relationship for many-to-many and reverse foreign keys and joins in Python.",
            forEntry: 35))
        let empty = try #require(Self.grader.grade("", forEntry: 35))
        #expect(full.suggestedRating.rawValue >= Rating.good.rawValue, "score \(full.score)")
        #expect(empty.score == 0)
        #expect(empty.covered.isEmpty)
        #expect(!empty.missed.isEmpty)
    }

    @Test func coveredTermsUseTheLearnersSpellingAndMissedTheReferences() throws {
        let grade = try #require(Self.grader.grade("You can COMBINE them with OR", forEntry: 21))
        #expect(grade.covered.contains("COMBINE"))
        #expect(grade.covered.contains("OR"))
        #expect(grade.missed.contains("AND"))
        #expect(grade.missed.contains("reusable"))
        #expect(grade.missedTerms.contains("reusabl"))
        #expect(grade.score > 0 && grade.score < 60)
    }

    @Test func restatingTheQuestionEarnsNoRecall() throws {
        let grade = try #require(Self.grader.grade("Q objects are Q objects that you would use", forEntry: 21))
        #expect(grade.recall == 0)
        #expect(grade.covered.isEmpty)
        #expect(grade.suggestedRating == .again, "score \(grade.score)")
    }

    @Test func identifierPartsCoverTheIdentifier() throws {
        let parts = try #require(Self.grader.grade("listeners for pre save and post save", forEntry: 26))
        let whole = try #require(Self.grader.grade("listeners for pre_save and post_save", forEntry: 26))
        #expect(parts.covered.contains("pre save"))
        #expect(whole.covered.contains("pre_save"))
        #expect(whole.score == parts.score)
    }

    @Test func suggestedRatingFollowsTheScore() {
        let grade = { (score: Int) in Grade(entryID: 1, score: score, covered: [], missed: [], missedTerms: []) }
        #expect(grade(0).suggestedRating == .again)
        #expect(grade(30).suggestedRating == .hard)
        #expect(grade(60).suggestedRating == .good)
        #expect(grade(95).suggestedRating == .easy)
    }

    @Test func unknownEntryHasNoGrade() {
        #expect(Self.grader.grade("anything", forEntry: 999) == nil)
    }
}
