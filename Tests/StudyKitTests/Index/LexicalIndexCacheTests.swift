import Foundation
import Testing

@testable import StudyKit

#if canImport(Glibc)
    import Glibc
#endif

/// The lexical index read back from the cache is the index analysis builds, and nothing damaged,
/// stale or foreign is ever read as one: it is refused in one sentence and built again.
@Suite("Lexical index cache")
struct LexicalIndexCacheTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("index-cache-\(UUID().uuidString)")
    var cache: LexicalIndexCache { LexicalIndexCache(directory: folder) }
    static let corpus = try! BundledCorpus.load()
    static let glossary = try! BundledGlossary.load()
    static let built = LexicalIndex(corpus: corpus, glossary: glossary)

    func lookup(_ corpus: Corpus = Self.corpus, glossary: Glossary = Self.glossary) -> LexicalIndexCache.Lookup {
        cache.lookup(for: corpus, glossary: glossary)
    }

    /// Stores the built-in corpus's index; returns its file.
    func stored() throws -> URL {
        try cache.store(Self.built, for: Self.corpus, glossary: Self.glossary)
        return cache.file(for: Self.corpus, glossary: Self.glossary)
    }

    func removeFolder() {
        try? FileManager.default.removeItem(at: folder)
    }

    @Test func theBinaryFormReadsBackAsTheIndexAndSearchesAlike() throws {
        let read = try #require(LexicalIndex(data: Self.built.data))
        #expect(read == Self.built)
        let fromCache = Searcher(corpus: Self.corpus, glossary: Self.glossary, lexicalIndex: read)
        let built = Searcher(corpus: Self.corpus, glossary: Self.glossary)
        for question in ["what is select_related?", "selct_related", "how do I do OR queries", "signals vs overriding save", "kubernetes"] {
            #expect(fromCache.search(question) == built.search(question), "\(question)")
        }
    }

    @Test func aStoredIndexIsReadBackAndAnEditedCorpusMisses() throws {
        defer { removeFolder() }
        #expect(lookup() == .miss)
        _ = try stored()
        #expect(lookup() == .hit(Self.built))
        var entries = Self.corpus.entries
        let first = entries[0]
        entries[0] = Entry(
            id: first.id, question: first.question, section: first.section, tags: first.tags, answer: first.answer + " Edited.", line: first.line)
        let edited = Corpus(title: Self.corpus.title, sections: Self.corpus.sections, entries: entries, source: "edited")
        #expect(lookup(edited) == .miss, "an edited corpus has a file of its own")
        #expect(lookup(glossary: .empty) == .miss, "so does another glossary")
    }

    @Test func aDamagedFileIsRefusedAndBuiltAgain() throws {
        defer { removeFolder() }
        let url = try stored()
        let original = try Data(contentsOf: url)
        for place in [CacheFileHeader.size + 2, original.count / 2, original.count - 1] {
            var data = original
            data[place] ^= 0x10
            try data.write(to: url)
            #expect(
                lookup()
                    == .refused("\(url.path): refused (its contents do not match their checksum (the file is damaged)); the index is built again"),
                "byte \(place)")
        }
        try original.prefix(original.count - 5).write(to: url)
        guard case .refused(let reason) = lookup() else {
            Issue.record("a file cut short was used")
            return
        }
        #expect(reason.contains("its header promises"))
        // Rebuilt and stored anew, with one warning, after which the file is read.
        var warnings: [String] = []
        let index = cache.index(for: Self.corpus, glossary: Self.glossary) { warnings.append($0) }
        #expect(index == Self.built)
        #expect(warnings.count == 1 && warnings[0].hasPrefix("\(url.path): refused"))
        #expect(lookup() == .hit(Self.built))
    }

    /// Another corpus's valid file, or another kind of cache file, under this corpus's name.
    @Test func aForeignFileIsRefused() throws {
        defer { removeFolder() }
        let url = try stored()
        let other = try CorpusParser().parse("# Other\n## All\n### 1. What is tox?\nA test runner.\n", source: "other.md")
        try cache.store(LexicalIndex(corpus: other, glossary: .empty), for: other, glossary: .empty)
        try FileManager.default.removeItem(at: url)
        try FileManager.default.copyItem(at: cache.file(for: other, glossary: .empty), to: url)
        #expect(lookup() == .refused("\(url.path): refused (built for another corpus); the index is built again"))
        try Data(repeating: 7, count: 100).write(to: url)
        #expect(lookup() == .refused("\(url.path): refused (not an index cache file); the index is built again"))
    }

    @Test func aCacheThatCannotBeWrittenOnlyWarns() throws {
        defer { removeFolder() }
        try Data("a file where the directory should be".utf8).write(to: folder)
        var warnings: [String] = []
        let index = cache.index(for: Self.corpus, glossary: Self.glossary) { warnings.append($0) }
        #expect(index == Self.built)
        #expect(warnings.count == 1 && warnings[0].hasPrefix("cannot cache the index: cannot create \(folder.path)"))
    }

    /// Every cut of a valid form, and a form with one id out of range, is refused, never read.
    @Test func malformedFormsAreRefused() throws {
        let small = try CorpusParser().parse(
            "# Small\n## All\n### 1. What is select_related?\nA JOIN for foreign keys.\n### 2. What are signals?\nHooks such as post_save.\n",
            source: "small.md")
        let data = LexicalIndex(corpus: small, glossary: .empty).data
        #expect(LexicalIndex(data: data) != nil)
        for length in 0..<data.count { #expect(LexicalIndex(data: data.prefix(length)) == nil, "cut at \(length)") }
        #expect(LexicalIndex(data: data + [0]) == nil, "a byte too many")
        var outOfRange = data
        outOfRange.replaceSubrange((data.count - 4)..<data.count, with: [0xFF, 0xFF, 0, 0])
        #expect(LexicalIndex(data: outOfRange) == nil, "a term id past the terms")
    }

    /// The fuzzer starts from this corpus's index; a seed that no longer reads would start it blind.
    @Test func theFuzzSeedIsAnIndexOfTheFuzzCorpus() throws {
        let seed = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../../Fuzz/Seeds/LexicalIndexFuzz/one-entry.index")
        let corpus = try CorpusParser().parse("# Fuzz\n## All\n### 1. What is fuzzing?\nFeeding a program random input.\n", source: "fuzz.md")
        #expect(try Data(contentsOf: seed) == LexicalIndex(corpus: corpus, glossary: .empty).data)
    }
}
