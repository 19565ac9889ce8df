import Foundation
import Testing

@testable import StudyKit

/// A session that starts searching by words while the entries are embedded, and turns to search
/// by meaning when they are.
@Suite("Tutor session: a searcher swapped in")
struct TutorSessionSearcherTests {
    static let renderer = TextRenderer(width: 100, style: .plain)

    @Test func whySaysHowQuestionsAreSearchedUntilMeaningIsReady() {
        let hybrid = BuiltInHybridSearch.searcher
        var session = TutorSession(searcher: Searcher(corpus: hybrid.corpus), progress: nil, seed: 3)
        session.searchNote = "Searched by words only: the entries are being embedded for search by meaning (40 % of 100 passages)."
        let byWords = session.handle("how do I avoid the N+1 problem", renderer: Self.renderer).text
        #expect(!byWords.contains("#35"), "no word of it is in the corpus")
        let lexical = session.handle("/why", renderer: Self.renderer).text.replacingOccurrences(of: "\n", with: " ")
        #expect(lexical.contains("Searched by words only: the entries are being embedded for search by meaning (40 % of 100 passages)."))

        session.useSearcher(hybrid)
        session.searchNote = nil
        let byMeaning = session.handle("how do I avoid the N+1 problem", renderer: Self.renderer).text
        #expect(byMeaning.contains("#35  What are select_related and prefetch_related?"))
        let semantic = session.handle("/why", renderer: Self.renderer).text.replacingOccurrences(of: "\n", with: " ")
        #expect(semantic.contains("meaning (cosine of sentence"))
        #expect(!semantic.contains("Searched by words only"))
        #expect(session.searcher.semantic != nil, "grading and search follow the new searcher")
    }
}
