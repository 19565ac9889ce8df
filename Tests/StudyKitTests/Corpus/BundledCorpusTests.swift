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

    /// Checks that a file compiled in by scripts/embed-corpus still equals `Corpus/fileName`.
    static func expectEmbeddedCopy(_ markdown: String, matches fileName: String) throws {
        let onDisk = try String(
            contentsOf: repositoryRoot.appendingPathComponent("Corpus").appendingPathComponent(fileName), encoding: .utf8)
        #expect(markdown == onDisk, "Corpus/\(fileName) and the embedded copy differ: run scripts/embed-corpus")
    }

    @Test func embeddedCopyMatchesCorpusFolder() throws {
        try Self.expectEmbeddedCopy(BundledCorpus.markdown, matches: BundledCorpus.fileName)
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
