import Foundation
import Testing

@testable import StudyKit

@Suite("ReviewExport")
struct ReviewExportTests {
    @Test func everyJSONRowHasEveryKeyWithNullWhereThereIsNothing() throws {
        let corpus = try BundledCorpus.load()
        let store = ProgressStore.inMemory()
        for (offset, (entry, score, identity)) in [(21, 60, corpus.identity), (3, nil, corpus.identity), (5, 40, "flask-questions")].enumerated() {
            let review = ProgressStoreTests.review(entry, .good, at: ProgressStoreTests.day(offset), score: score)
            _ = try store.record(review, corpus: identity, scheduler: ProgressStoreTests.exact)
        }
        let json = ReviewExport.json(try store.reviews(), corpus: corpus)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(rows.count == 3)
        for row in rows { #expect(Set(row.keys) == Set(ReviewExport.columns), "\(row)") }
        #expect(rows[0]["score"] as? Int == 60)
        #expect(rows[1]["score"] is NSNull, "a self-rated review has no score")
        #expect(rows[2]["question"] is NSNull, "another corpus's entry has no question here")
    }
}
