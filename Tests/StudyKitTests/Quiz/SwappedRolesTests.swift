import Testing

@testable import StudyKit

/// Swapped roles on a corpus made up for the purpose: plain words the question compares, code the
/// analyser does not take for identifiers, and roles carried through a sentence.
@Suite("Swapped roles")
struct SwappedRolesTests {
    static let corpus = try! CorpusParser().parse(
        """
        # Garden
        ## All
        ### 1. What are the differences between a greenhouse and a polytunnel?
        A greenhouse is a heated glass building, including benches, vents, heaters and irrigation. In contrast, a polytunnel is a low unheated box with a hinged lid, meaning it only hardens seedlings off.
        ### 2. When would you call `water()` versus `feed()`?
        `water()` soaks the roots every morning in dry weather and `feed()` adds compost tea fortnightly during the growing season.
        ### 3. What is mulch?
        A layer of bark or straw that keeps soil moist.
        """, source: "garden.md")
    static let grader = Grader(searcher: Searcher(corpus: corpus))

    @Test func theThingsAQuestionComparesHaveRolesCarriedThroughTheSentence() throws {
        let swapped = try #require(
            Self.grader.grade("a polytunnel has benches and vents and heaters; a greenhouse is an unheated box", forEntry: 1))
        #expect(swapped.contradictions.contains { $0.hasPrefix("says of polytunnel what the reference says of greenhouse") }, "\(swapped.contradictions)")
        let right = try #require(
            Self.grader.grade("a greenhouse has benches and vents and heaters; a polytunnel is an unheated box", forEntry: 1))
        #expect(right.contradictions.isEmpty, "\(right.contradictions)")
    }

    @Test func codeInTheReferenceNamesARoleAndAndSplitsBeforeIt() throws {
        let swapped = try #require(Self.grader.grade("water() adds compost tea during the growing season and feed() soaks the roots", forEntry: 2))
        #expect(swapped.contradictions.contains { $0.hasPrefix("says of water what the reference says of feed") }, "\(swapped.contradictions)")
        let right = try #require(Self.grader.grade("water() soaks the roots and feed() adds compost tea in the growing season", forEntry: 2))
        #expect(right.contradictions.isEmpty, "\(right.contradictions)")
    }

    @Test func aRightClauseOutweighsAWeakerSwap() throws {
        let grade = try #require(
            Self.grader.grade("water() soaks the roots every morning in dry weather; water() also adds compost", forEntry: 2))
        #expect(grade.contradictions.isEmpty, "\(grade.contradictions)")
    }

    @Test func comparedWordsAreThoseBesideTheConjunction() {
        #expect(Contradictions.comparedWords(in: "What are the differences between a greenhouse and a polytunnel?") == ["greenhouse", "polytunnel"])
        #expect(Contradictions.codeWords(in: "When would you call `water()` versus `feed()`?") == ["water", "feed"])
        #expect(Contradictions.codeWords(in: "Run `python manage.py startapp <name>`.").isEmpty, "a command line is no name")
    }
}
