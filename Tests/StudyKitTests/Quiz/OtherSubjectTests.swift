import Testing

@testable import StudyKit

/// An answer that defines its subject as what another entry is about, on a corpus made up for it.
@Suite("Another entry's subject")
struct OtherSubjectTests {
    static let corpus = try! CorpusParser().parse(
        """
        # Garden
        ## All
        ### 1. What is mulch?
        A layer of bark or straw spread over soil to keep it moist and stop weeds.
        ### 2. What is compost?
        Kitchen and garden waste left to rot until it becomes dark, crumbly soil food.
        ### 3. How do you plant a tree?
        Dig a wide hole, loosen the roots, set the tree at its old depth and water it in.
        ### 4. What is a cold frame?
        A low unheated box with a glass lid that hardens seedlings off.
        ### 5. What is a seedling?
        A young plant grown from seed, not yet planted out.
        ### 6. What is a frame?
        A wooden border that holds a pane of glass.
        """, source: "garden.md")
    static let grader = Grader(searcher: Searcher(corpus: corpus))

    @Test func definingItAsAnotherEntrysSubjectIsAContradiction() throws {
        let grade = try #require(Self.grader.grade("mulch is a kind of compost you dig into the soil", forEntry: 1))
        #expect(grade.contradictions == ["calls it \u{201C}compost\u{201D}, which is what #2 (What is compost?) is about"])
        #expect(grade.suggested == .again)
    }

    @Test func onlyTheHeadOfTheDefinitionCounts() throws {
        let grade = try #require(Self.grader.grade("mulch is a layer of bark or straw, and some gardeners use compost for it", forEntry: 1))
        #expect(grade.contradictions.isEmpty, "\(grade.contradictions)")
    }

    @Test func aSubjectTheReferenceItselfUsesIsNoContradiction() throws {
        let grade = try #require(Self.grader.grade("a cold frame is a seedling box with a glass lid", forEntry: 4))
        #expect(grade.contradictions.isEmpty, "the reference speaks of seedlings itself: \(grade.contradictions)")
        let other = try #require(Self.grader.grade("compost is a seedling left to rot", forEntry: 2))
        #expect(other.contradictions == ["calls it \u{201C}seedling\u{201D}, which is what #5 (What is a seedling?) is about"])
    }

    @Test func aNegatedDefinitionDefinesNothing() throws {
        let grade = try #require(Self.grader.grade("mulch is not compost: it is bark or straw over the soil", forEntry: 1))
        #expect(grade.contradictions.isEmpty, "\(grade.contradictions)")
    }

    @Test func aSubjectIsNamedOnceAtItsWidest() throws {
        let grade = try #require(Self.grader.grade("mulch is a cold frame for seedlings", forEntry: 1))
        #expect(grade.contradictions == ["calls it \u{201C}cold frame\u{201D}, which is what #4 (What is a cold frame?) is about"])
    }

    @Test func onlyWhatIsQuestionsHaveASubject() {
        #expect(Contradictions.subject(ofQuestion: "What is a cold frame?", searcher: Self.grader.searcher) == ["cold", "frame"])
        #expect(Contradictions.subject(ofQuestion: "How do you plant a tree?", searcher: Self.grader.searcher) == nil)
    }
}
