import Foundation
import SentenceEmbedding
import Testing

@testable import StudyKit

#if canImport(Glibc)
    import Glibc
#endif

/// Nothing read back from the cache is trusted: a damaged, foreign or oversized file is refused
/// with one sentence that says why, and computed again; the directory stays private and small.
@Suite("Entry vector cache")
struct EntryVectorCacheTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vector-cache-\(UUID().uuidString)")
    var cache: EntryVectorCache { EntryVectorCache(directory: folder) }
    let corpus = SemanticSearchTests.corpus
    let embedder = ConceptPieceEmbedder()

    /// A corpus of its own: the built-in test corpus with `phrasing` for its first entry.
    func phrasings(_ phrasing: String) -> Phrasings { Phrasings(byEntry: [1: [phrasing]]) }

    /// Stores the test corpus's vectors; returns them and the file.
    func stored(_ phrasings: Phrasings = .empty) throws -> (EntryVectors, URL) {
        let vectors = EntryVectors.compute(for: corpus, phrasings: phrasings, with: embedder)
        try cache.store(vectors, for: corpus, phrasings: phrasings, embedder: embedder)
        return (vectors, cache.file(for: corpus, phrasings: phrasings, embedder: embedder))
    }

    func lookup(_ phrasings: Phrasings = .empty) -> EntryVectorCache.Lookup {
        cache.lookup(for: corpus, phrasings: phrasings, embedder: embedder)
    }

    func removeFolder() {
        chmod(folder.path, 0o700)
        try? FileManager.default.removeItem(at: folder)
    }

    /// The battery's damage, each a value the old reader took as it came: an exponent bit that
    /// makes a value 1.6e37, NaN (which made every semantic score −1), 1e30, and one word-piece
    /// level a step away (still a canonical row).
    /// The file's name and its header's key are hashed in one pass over the texts; each equals the
    /// hash made alone, so every file cached before is found again.
    @Test func bothFingerprintsInOnePassAreEachMadeAlone() {
        let phrasings = Phrasings(byEntry: [1: ["how do I filter"], 2: ["two", "ways"]], uncovered: ["not this"])
        let both = EntryVectors.fingerprints(of: corpus, phrasings: phrasings, modelIdentifier: "model")
        #expect(both.texts == EntryVectors.textFingerprint(of: corpus, phrasings: phrasings))
        #expect(both.texts != EntryVectors.textFingerprint(of: corpus, phrasings: .empty))
        // The name is the texts' hash after the model's identifier and the passage scheme: one
        // corpus under two models has two names.
        #expect(both.name != EntryVectors.fingerprints(of: corpus, phrasings: phrasings, modelIdentifier: "another").name)
        #expect(both.name != String(both.texts, radix: 16))
    }

    @Test func aDamagedFileIsRefusedAndComputedAgain() throws {
        defer { removeFolder() }
        let (vectors, url) = try stored()
        #expect(lookup() == .hit(vectors))
        let original = try Data(contentsOf: url)
        let header = EntryVectorCacheFile.headerSize
        // The payload: "EVEC", 4 words, owners, kinds, then the values.
        let firstValue = header + 4 + 16 + 8 * vectors.passageCount
        let levels = original.count - (vectors.pieces.ids.count * vectors.dimension + 3) / 4 * 4
        #expect(!vectors.pieces.isEmpty)
        let damages: [(String, (inout Data) -> Void)] = [
            ("an exponent bit", { $0[firstValue + 3] ^= 0x40 }),
            ("NaN", { $0.replaceSubrange(firstValue..<(firstValue + 4), with: [0x00, 0x00, 0xC0, 0x7F]) }),
            ("1e30", { $0.replaceSubrange(firstValue..<(firstValue + 4), with: withUnsafeBytes(of: Float(1e30).bitPattern.littleEndian, Array.init)) }),
            ("a word-piece level", { $0[levels + 1] = $0[levels + 1] == 0 ? 1 : $0[levels + 1] &- 1 }),
        ]
        for (name, damage) in damages {
            var data = original
            damage(&data)
            #expect(data != original)
            try data.write(to: url)
            guard case .refused(let reason) = lookup() else {
                Issue.record("\(name): a damaged file was used")
                continue
            }
            #expect(
                reason == "\(url.path): refused (its contents do not match their checksum (the file is damaged)); the entry vectors are computed again",
                "\(name)")
            try cache.store(vectors, for: corpus, phrasings: .empty, embedder: embedder)
            #expect(lookup() == .hit(vectors), "\(name): computed again, the new file is used")
        }
        var damagedHeader = original
        damagedHeader[20] ^= 1
        try damagedHeader.write(to: url)
        #expect(
            lookup() == .refused("\(url.path): refused (its header does not match its checksum (the file is damaged)); the entry vectors are computed again"))
        // Values that are not a unit vector's are refused by the vectors' own reader too.
        var bad = vectors.data
        bad.replaceSubrange((firstValue - header)..<(firstValue - header + 4), with: [0x00, 0x00, 0xC0, 0x7F])
        #expect(EntryVectors(data: bad) == nil, "NaN")
    }

    /// Another corpus's (or model's) valid file copied or linked under this corpus's name.
    @Test func anotherCorpussFileIsRefusedUnderAnyName() throws {
        defer { removeFolder() }
        let (_, url) = try stored()
        let (_, other) = try stored(phrasings("my tyres squeal"))
        try FileManager.default.removeItem(at: url)
        try FileManager.default.copyItem(at: other, to: url)
        #expect(lookup() == .refused("\(url.path): refused (computed for another corpus); the entry vectors are computed again"))
        try FileManager.default.removeItem(at: url)
        try FileManager.default.createSymbolicLink(at: url, withDestinationURL: other)
        #expect(lookup() == .refused("\(url.path): refused (computed for another corpus); the entry vectors are computed again"))

        struct OtherModel: TextEmbedder {
            let modelIdentifier = "concept-pieces-v2"
            let dimension = 5
            func embed(_ text: String) -> [Float] { ConceptEmbedder().embed(text) }
        }
        let otherModel = cache.file(for: corpus, phrasings: .empty, embedder: OtherModel())
        try cache.store(
            EntryVectors.compute(for: corpus, phrasings: .empty, with: OtherModel()), for: corpus, phrasings: .empty, embedder: OtherModel())
        try FileManager.default.removeItem(at: url)
        try FileManager.default.copyItem(at: otherModel, to: url)
        #expect(lookup() == .refused("\(url.path): refused (computed with another model); the entry vectors are computed again"))

        // An older format, with a header whose own checksum is right.
        var older = try Data(contentsOf: other)
        older[8] = 0
        let checksum = XXHash64.hash(older.prefix(56))
        older.replaceSubrange(56..<64, with: withUnsafeBytes(of: checksum.littleEndian, Array.init))
        try older.write(to: url)
        #expect(
            lookup() == .refused("\(url.path): refused (written in another format (by another version of django-tutor)); the entry vectors are computed again"))
    }

    /// A 1 GB sparse file under the name is refused on its header's promise, before the rest is
    /// read; so is a file cut short.
    @Test func aFileOfAnotherSizeThanItsHeaderPromisesIsNotRead() throws {
        defer { removeFolder() }
        let (_, url) = try stored()
        let size = try Data(contentsOf: url).count
        #expect(truncate(url.path, 1 << 30) == 0)
        let start = Date()
        #expect(
            lookup()
                == .refused(
                    "\(url.path): refused (the file is 1073741824 bytes, its header promises \(size - 64) after the header's 64); the entry vectors are computed again"
                ))
        #expect(Date().timeIntervalSince(start) < 0.1, "a gigabyte is not read")
        #expect(truncate(url.path, off_t(size - 1)) == 0)
        guard case .refused(let reason) = lookup() else {
            Issue.record("a file cut short was used")
            return
        }
        #expect(reason.contains("its header promises"))
        #expect(truncate(url.path, 10) == 0)
        #expect(lookup() == .refused("\(url.path): refused (the file is 10 bytes, shorter than a header); the entry vectors are computed again"))
    }

    /// A temporary left by a write that was killed before its rename (Foundation's `.dat.nosync…`
    /// from earlier versions, or ours) is removed by the next write once it is stale; only the
    /// eight files used most recently are kept.
    @Test func killedWritesAndOldFilesAreTidiedAway() throws {
        defer { removeFolder() }
        try AppDirectories.create(folder)
        let manager = FileManager.default
        let old = Date().addingTimeInterval(-3600)
        for name in [".dat.nosync1a2b.Xq3Z9k", ".tmp.1e2d.vectors.4242.17"] {
            let path = folder.appendingPathComponent(name).path
            #expect(manager.createFile(atPath: path, contents: Data(count: 100)))
            try manager.setAttributes([.modificationDate: old], ofItemAtPath: path)
        }
        let fresh = folder.appendingPathComponent(".tmp.abcd.vectors.4243.18").path
        #expect(manager.createFile(atPath: fresh, contents: Data(count: 100)), "a write under way")
        let (_, first) = try stored()
        #expect(try manager.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }.sorted() == [".tmp.abcd.vectors.4243.18"])
        try manager.removeItem(at: first)

        // Eleven corpora, one a minute.
        var files: [URL] = []
        for index in 0..<11 {
            let (_, url) = try stored(phrasings("my car number \(index)"))
            try manager.setAttributes([.modificationDate: Date().addingTimeInterval(Double(index - 20) * 60)], ofItemAtPath: url.path)
            files.append(url)
        }
        // Used just now, the oldest of those kept (the fourth) stays when the next is written.
        #expect(manager.fileExists(atPath: files[3].path))
        guard case .hit = lookup(phrasings("my car number 3")) else {
            Issue.record("not kept")
            return
        }
        _ = try stored(phrasings("my car number 11"))
        let kept = try manager.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".vectors") }
        #expect(kept.count == EntryVectorCache.keptFiles)
        #expect(
            Set(kept)
                == Set(
                    (files[3...3] + files[5...]).map(\.lastPathComponent) + [
                        cache.file(for: corpus, phrasings: phrasings("my car number 11"), embedder: embedder).lastPathComponent
                    ]))
    }

    /// The cache is the user's alone, as the progress database is: 0700 and 0600, and a directory
    /// an earlier version left open to others is closed.
    @Test func filesAndTheirDirectoryArePrivate() throws {
        defer { removeFolder() }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        chmod(folder.path, 0o755)
        let (_, url) = try stored()
        func mode(_ url: URL) throws -> Int {
            try #require(FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int) & 0o777
        }
        #expect(try mode(folder) == 0o700)
        #expect(try mode(url) == 0o600)
    }

    /// Permission denied is said as such, with the path and what to do (not "No such file or
    /// directory"). Root passes any permission, so the directory at mode 000 is tried only as
    /// another user; the words are checked for everyone.
    @Test func permissionDeniedSaysSoAndWhatToDo() throws {
        let words = cache.problem(EACCES, writing: folder.path)
        #expect(words == "cannot write in \(folder.path): permission denied; give yourself access to it (chmod -R u+rwX \(folder.path)), or remove it")
        #expect(
            cache.problem(EACCES, reading: folder.path + "/x.vectors").hasSuffix(
                ": permission denied; give yourself access to it (chmod -R u+rwX \(folder.path)), or remove it"))
        #expect(cache.problem(ENOSPC, writing: folder.path) == "cannot write in \(folder.path) (No space left on device)")
        guard getuid() != 0 else { return }
        defer { removeFolder() }
        _ = try stored()
        chmod(folder.path, 0)
        guard case .refused(let reason) = lookup() else {
            Issue.record("an unreadable directory")
            return
        }
        #expect(reason.contains("permission denied"))
        #expect(throws: EntryVectorCache.Failure(description: words)) { try stored() }
    }

    /// Progress is counted in passages, reported after every few: a corpus of three entries with
    /// many phrasings each (fewer than the 32 entries the old progress counted by) reports many
    /// times, from 0 to every passage.
    @Test func progressIsReportedByPassages() {
        let phrasingsEach = 4 * EntryVectors.passagesPerStep
        let many = Phrasings(byEntry: Dictionary(uniqueKeysWithValues: corpus.entries.map { ($0.id, (0..<phrasingsEach).map { "car number \($0)" }) }))
        var reports: [(Int, Int)] = []
        let vectors = EntryVectors.compute(for: corpus, phrasings: many, with: embedder) { reports.append(($0, $1)) }
        let total = vectors.passageCount
        #expect(total > 3 * phrasingsEach)
        #expect(reports.first.map { $0 == (0, total) } == true)
        #expect(reports.last.map { $0 == (total, total) } == true)
        #expect(reports.count > 10, "\(reports.count) reports")
        #expect(zip(reports, reports.dropFirst()).allSatisfy { $0.0 < $1.0 && $1.0 - $0.0 <= EntryVectors.passagesPerStep })
        #expect(reports.allSatisfy { $0.1 == total })
    }
}
