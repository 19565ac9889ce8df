import Foundation
import Testing

@testable import StudyKit

@Suite("BundledCorpus")
struct BundledCorpusTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The workplace's `shared/` folder, which CI places beside the clone.
    static let shared = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
    static let hasShared = FileManager.default.fileExists(atPath: shared.appendingPathComponent("dev-queries.jsonl").path)

    @Test func embeddedCopyMatchesCorpusFolder() throws {
        let onDisk = try String(
            contentsOf: Self.repositoryRoot.appendingPathComponent("Corpus").appendingPathComponent(BundledCorpus.fileName),
            encoding: .utf8)
        #expect(BundledCorpus.markdown == onDisk, "Corpus/ and the embedded copy differ: run scripts/embed-corpus")
    }

    @Test func holdsAllThirtyFiveEntriesInThreeSections() throws {
        let corpus = try BundledCorpus.load()
        #expect(corpus.title == "Django Technical Interview Questions")
        #expect(corpus.sections == ["Beginner", "Intermediate", "Advanced"])
        #expect(corpus.entries.map(\.id) == Array(1...35))
        #expect(corpus.entries(inSection: "Beginner").count == 19)
        #expect(corpus.entries(inSection: "Intermediate").count == 5)
        #expect(corpus.entries(inSection: "Advanced").count == 11)
        #expect(corpus.entries.allSatisfy { !$0.tags.isEmpty })
    }

    @Test func sourceDefectsAreCorrected() throws {
        let corpus = try BundledCorpus.load()
        #expect(corpus.entry(id: 11)?.answer.hasSuffix("A developer can access the ORM") == false)
        #expect(corpus.entry(id: 23)?.answer.contains("do not reuse code") == false)
    }

    @Test(.enabled(if: hasShared, "needs ../shared/bench/django-docs.md"))
    func parsesTheLargeBenchCorpus() throws {
        let bench = Self.shared.appendingPathComponent("bench/django-docs.md")
        let corpus = try CorpusParser().parse(contentsOf: bench)
        #expect(corpus.entries.count == 6418)
        #expect(corpus.sections.count == 671)
    }
}
