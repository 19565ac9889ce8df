import Foundation
import Testing

@testable import StudyKit

// MARK: - Reproducing scikit-learn's TfidfVectorizer (Tests/StudyKitTests/Fixtures/tfidf-sklearn.json,
// written by scripts/generate-tfidf-fixture)

private struct TFIDFFixture: Decodable {
    struct Document: Decodable {
        let id: Int
        let tokens: [String]
        /// Non-zero L2-normalised tf-idf weights.
        let weights: [String: Double]
    }

    struct Query: Decodable {
        let text: String
        let tokens: [String]
        /// Entry id (as a string) → cosine, non-zero ones only.
        let cosines: [String: Double]
    }

    let sklearnVersion: String
    let documents: [Document]
    let idf: [String: Double]
    let queries: [Query]

    // Explicit keys: `convertFromSnakeCase` would also rewrite dictionary keys such as `select_related`.
    enum CodingKeys: String, CodingKey {
        case sklearnVersion = "sklearn_version"
        case documents, idf, queries
    }

    static let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Index
        .deletingLastPathComponent()  // StudyKitTests
        .appendingPathComponent("Fixtures/tfidf-sklearn.json")

    static func load() throws -> TFIDFFixture {
        try JSONDecoder().decode(TFIDFFixture.self, from: Data(contentsOf: url))
    }

    /// Entry id → cosine for one query.
    static func cosines(of query: Query) -> [Int: Double] {
        Dictionary(uniqueKeysWithValues: query.cosines.map { (Int($0.key)!, $0.value) })
    }
}

/// Compares numbers against scikit-learn's within `tolerance`, keeping a readable list of mismatches.
private struct Comparison {
    let tolerance = 1e-9
    private(set) var checked = 0
    private(set) var maxDifference = 0.0
    private(set) var mismatches: [String] = []

    mutating func check(_ label: @autoclosure () -> String, expected: Double?, got: Double?) {
        checked += 1
        let difference = abs((expected ?? 0) - (got ?? 0))
        maxDifference = max(maxDifference, difference)
        if difference > tolerance || !difference.isFinite {
            mismatches.append("\(label()): expected \(expected.map { "\($0)" } ?? "none"), got \(got.map { "\($0)" } ?? "none")")
        }
    }

    mutating func fail(_ message: String) {
        mismatches.append(message)
    }

    /// Records one issue listing the first mismatches, if any.
    func expectNoMismatches(sourceLocation: SourceLocation = #_sourceLocation) {
        guard !mismatches.isEmpty else { return }
        let first = mismatches.prefix(10).joined(separator: "\n")
        Issue.record(
            "\(mismatches.count) of \(checked) values differ by more than \(tolerance) (first 10):\n\(first)",
            sourceLocation: sourceLocation)
    }
}

@Suite("TFIDFScorer matches scikit-learn")
struct TFIDFScorerTests {
    private static let fixture = Result { try TFIDFFixture.load() }

    private static func loadFixture() throws -> TFIDFFixture {
        let fixture = try fixture.get()
        try #require(!fixture.documents.isEmpty && !fixture.idf.isEmpty && !fixture.queries.isEmpty, "empty fixture")
        return fixture
    }

    /// The fixture's documents as an index: each document one field of weight 1, in fixture order.
    private static func index(of fixture: TFIDFFixture) -> InvertedIndex {
        var builder = IndexBuilder()
        for document in fixture.documents { builder.add([(terms: document.tokens, weight: 1)]) }
        return builder.build()
    }

    /// A query's vector as `Searcher.queryVector` builds it: the counts of the terms the index knows.
    private static func queryVector(_ tokens: [String], in index: InvertedIndex) -> [TermFrequency] {
        var counts: [Int32: Double] = [:]
        var order: [Int32] = []
        for token in tokens {
            guard let id = index.termID(token) else { continue }
            if counts[id] == nil { order.append(id) }
            counts[id, default: 0] += 1
        }
        return order.map { TermFrequency(term: $0, frequency: counts[$0]!) }
    }

    // MARK: a. The fixture is current

    @Test func fixtureDocumentsAreTheBuiltInCorpusAsIndexed() throws {
        let fixture = try Self.loadFixture()
        let corpus = try BundledCorpus.load()
        let analyzer = Analyzer()
        let current = corpus.entries.map { (id: $0.id, tokens: EntryFields.standard.repeatedTerms(of: $0, analyzer: analyzer)) }
        let stale = "the fixture is stale: run scripts/generate-tfidf-fixture"
        #expect(fixture.documents.map(\.id) == current.map(\.id), "\(stale) (entry ids differ)")
        let differing = zip(fixture.documents, current).filter { $0.tokens != $1.tokens }.map(\.0.id)
        #expect(differing.isEmpty, "\(stale) (tokens differ for entries \(differing.prefix(10)))")
        #expect(current.allSatisfy { !$0.tokens.isEmpty })
    }

    @Test func fixtureQueryTokensAreWhatTheSearcherScores() throws {
        let fixture = try Self.loadFixture()
        let analyzer = Analyzer()
        let differing = fixture.queries.filter { EntryFields.standard.repeated(analyzer.analyze($0.text)) != $0.tokens }.map(\.text)
        #expect(differing.isEmpty, "the fixture is stale: run scripts/generate-tfidf-fixture (query tokens differ for \(differing.prefix(10)))")
        #expect(fixture.queries.filter { !$0.tokens.isEmpty }.count >= 30)
    }

    // MARK: b. idf and document weights

    @Test func idfMatchesEveryTerm() throws {
        let fixture = try Self.loadFixture()
        let index = Self.index(of: fixture)
        let scorer = TFIDFScorer(index: index)
        var comparison = Comparison()
        for (term, expected) in fixture.idf.sorted(by: { $0.key < $1.key }) {
            comparison.check("idf[\(term)]", expected: expected, got: index.termID(term).map { scorer.idf[Int($0)] })
        }
        for term in index.terms where fixture.idf[term] == nil {
            comparison.fail("idf[\(term)]: expected none (not in scikit-learn's vocabulary), got \(scorer.idf[Int(index.termID(term)!)])")
        }
        #expect(comparison.checked > 0)
        #expect(comparison.checked == index.terms.count)
        comparison.expectNoMismatches()
    }

    @Test func documentWeightsMatchInBothDirections() throws {
        let fixture = try Self.loadFixture()
        let index = Self.index(of: fixture)
        let scorer = TFIDFScorer(index: index)
        try #require(index.documentCount == fixture.documents.count)
        var comparison = Comparison()
        for (position, document) in fixture.documents.enumerated() {
            var ours: [String: Double] = [:]
            for term in index.documents[position] {
                let weight = scorer.weight(of: term, inDocument: position, of: index)
                if weight != 0 { ours[index.terms[Int(term.term)]] = weight }
            }
            for term in Set(ours.keys).union(document.weights.keys).sorted() {
                comparison.check("entry \(document.id) weight[\(term)]", expected: document.weights[term], got: ours[term])
            }
        }
        #expect(comparison.checked > 0)
        comparison.expectNoMismatches()
    }

    // MARK: c. Query cosines, through the scorer

    @Test func queryCosinesMatchEveryDocument() throws {
        let fixture = try Self.loadFixture()
        let index = Self.index(of: fixture)
        let scorer = TFIDFScorer(index: index)
        var comparison = Comparison()
        var nonZero = 0
        for query in fixture.queries {
            let expected = TFIDFFixture.cosines(of: query)
            nonZero += expected.count
            let scores = scorer.scores(for: Self.queryVector(query.tokens, in: index), in: index)
            for (position, document) in fixture.documents.enumerated() {
                comparison.check(
                    "\"\(query.text)\" · entry \(document.id)", expected: expected[document.id],
                    got: scores[Int32(position)])
            }
            let unknownDocuments = Set(expected.keys).subtracting(fixture.documents.map(\.id))
            if !unknownDocuments.isEmpty { comparison.fail("\"\(query.text)\": cosines for unknown entries \(unknownDocuments)") }
        }
        #expect(comparison.checked == fixture.queries.count * fixture.documents.count)
        #expect(nonZero > 0)
        comparison.expectNoMismatches()
    }

    // MARK: d. Query cosines, through the public search path

    @Test func searchScoresAreTheCosines() throws {
        let fixture = try Self.loadFixture()
        let searcher = Searcher(corpus: try BundledCorpus.load(), scoring: .tfidf, queryWeighting: .termCounts)
        // Must reach the scorer uncorrected; every other fixture query that does is checked too.
        let required: Set = [
            "what is select_related?", "how do I do OR queries", "middleware order", "session cookie",
            "uuid primary key in urls", "post_save signal", "HttpRequest and HttpResponse objects", "flask compared with django",
        ]
        #expect(required.isSubset(of: fixture.queries.map(\.text)), "queries missing from the fixture")
        var comparison = Comparison()
        var searched: Set<String> = []
        for query in fixture.queries {
            let result = searcher.search(query.text, limit: 100)
            guard result.correctedQuery == nil else {
                if required.contains(query.text) { comparison.fail("\"\(query.text)\" was corrected to \"\(result.correctedQuery!)\"") }
                continue
            }
            searched.insert(query.text)
            let expected = TFIDFFixture.cosines(of: query)
            let got = Dictionary(uniqueKeysWithValues: result.hits.map { ($0.entry.id, $0.score) })
            for id in Set(expected.keys).union(got.keys).sorted() {
                comparison.check("search(\"\(query.text)\") entry \(id)", expected: expected[id], got: got[id])
            }
        }
        #expect(required.isSubset(of: searched))
        #expect(comparison.checked > 0)
        comparison.expectNoMismatches()
    }
}
