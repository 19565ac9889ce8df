import Foundation
import Testing

@testable import SentenceEmbedding

/// A missing or damaged model file must give its own specific error, never a crash.
@Suite("Model file errors")
struct ModelFileTests {
    static let model = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/SentenceEmbedding/Resources/all-MiniLM-L6-v2.encoder")

    /// Writes `bytes` to a fresh temporary file and tries to load it.
    private func load(_ bytes: Data) throws -> SentenceEncoderError? {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("encoder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("model.encoder")
        try bytes.write(to: url)
        do {
            _ = try SentenceEncoder(contentsOf: url)
            return nil
        } catch let error as SentenceEncoderError {
            return error
        }
    }

    private func modified(_ change: (inout Data) -> Void) throws -> Data {
        var data = try Data(contentsOf: Self.model)
        change(&data)
        return data
    }

    private func setU32(_ data: inout Data, at offset: Int, _ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { data.replaceSubrange(offset..<offset + 4, with: $0) }
    }

    private func reason(_ error: SentenceEncoderError?) -> String? {
        if case .corrupt(_, let reason) = error { return reason }
        return nil
    }

    @Test func theUnchangedFileLoads() throws {
        #expect(try load(Data(contentsOf: Self.model)) == nil)
    }

    @Test func missingFile() {
        let url = URL(fileURLWithPath: "/nonexistent/model.encoder")
        #expect(throws: SentenceEncoderError.fileMissing(url)) { try SentenceEncoder(contentsOf: url) }
        #expect(SentenceEncoderError.fileMissing(url).description == "/nonexistent/model.encoder: no such model file")
    }

    @Test func aFolderIsUnreadable() {
        let folder = FileManager.default.temporaryDirectory
        #expect {
            try SentenceEncoder(contentsOf: folder)
        } throws: { error in
            if case .unreadable(let url, _) = error as? SentenceEncoderError { return url == folder }
            return false
        }
    }

    @Test func emptyOrForeignFiles() throws {
        for bytes in [Data(), Data("MINILM".utf8), Data("{\"not\": \"a model\"}".utf8), Data(count: 4096)] {
            let error = try load(bytes)
            guard case .notAModelFile = error else {
                Issue.record("\(bytes.count) bytes gave \(String(describing: error))")
                continue
            }
        }
    }

    @Test func headerOnlyIsCorrupt() throws {
        let error = try load(try Data(contentsOf: Self.model).prefix(40))
        #expect(reason(error)?.contains("header") == true, "\(String(describing: error))")
    }

    @Test func newerVersion() throws {
        let error = try load(try modified { setU32(&$0, at: 8, 3) })
        guard case .unsupportedVersion(_, let found, let supported) = error else {
            Issue.record("\(String(describing: error))")
            return
        }
        #expect(found == 3 && supported == 2)
    }

    @Test(arguments: [0.999, 0.5, 0.01])
    func truncatedFile(keeping fraction: Double) throws {
        let data = try Data(contentsOf: Self.model)
        let error = try load(data.prefix(Int(Double(data.count) * fraction)))
        #expect(reason(error)?.contains("truncated") == true, "\(String(describing: error))")
    }

    @Test func implausibleHeader() throws {
        // 383 hidden units cannot be split into 12 heads.
        let error = try load(try modified { setU32(&$0, at: 16, 383) })
        #expect(reason(error)?.contains("implausible header") == true, "\(String(describing: error))")
    }

    @Test func headerThatDisagreesWithTheTensors() throws {
        // 372 is 12 heads of 31, plausible, but the tensors are 384 wide.
        let error = try load(try modified { setU32(&$0, at: 16, 372) })
        #expect(reason(error)?.contains("expected") == true, "\(String(describing: error))")
    }

    @Test func unknownTensorEncoding() throws {
        // The first tensor's tag follows the 64-byte header: rows, columns, encoding.
        let error = try load(try modified { setU32(&$0, at: 64 + 8, 9) })
        #expect(reason(error)?.contains("unknown encoding") == true, "\(String(describing: error))")
    }

    @Test func brokenVocabularyOffsets() throws {
        // The first tensor (vocabulary offsets) starts at 128; make the second offset huge.
        let error = try load(try modified { setU32(&$0, at: 128 + 4, 0xFFFF_FFF0) })
        #expect(reason(error)?.contains("vocabulary") == true, "\(String(describing: error))")
    }

    @Test func extraTensorsAfterTheLastLayer() throws {
        let error = try load(
            try modified { data in
                var tag = Data(count: 64)
                withUnsafeBytes(of: UInt32(1).littleEndian) { tag.replaceSubrange(0..<4, with: $0) }
                withUnsafeBytes(of: UInt32(4).littleEndian) { tag.replaceSubrange(4..<8, with: $0) }
                data.append(tag)
                data.append(Data(count: 16))
            })
        #expect(reason(error)?.contains("unexpected tensors") == true, "\(String(describing: error))")
    }
}

/// The model file's checksum covers every byte, so a damaged file is refused (and search goes by
/// words) rather than encoding text into nonsense; it is the fingerprint that names the vectors
/// computed with the model.
@Suite("Model checksum")
struct ModelChecksumTests {
    /// XXH64 of `count` bytes `(7i + 3) mod 256`, with seeds 0 and 2⁶³ + 5, as libxxhash 0.8.1
    /// computes them: the empty input, the tail alone, one stripe exactly, and stripes with a tail.
    @Test(arguments: [
        (0, 0xef46_db37_51d8_e999 as UInt64, 0x62ea_3b7b_0965_60f4 as UInt64),
        (3, 0x31d2_363f_52e5_64c9, 0x6f17_c371_f724_ee27), (31, 0xa2aa_5f33_cc4a_6119, 0x48f1_3afe_7ce2_d647),
        (32, 0x23c3_c17e_f790_fd97, 0x952a_9a28_7ac1_5dc4), (100, 0xa61f_8d4c_170f_e531, 0xcba0_6f64_5530_c7bc),
        (1027, 0xc0f4_095b_e069_9c78, 0x5658_6486_2fce_357f),
    ])
    func xxHash64MatchesTheReference(count: Int, unseeded: UInt64, seeded: UInt64) {
        let bytes = Data((0..<count).map { UInt8(($0 * 7 + 3) % 256) })
        #expect(XXHash64.hash(bytes) == unseeded)
        #expect(XXHash64.hash(bytes, seed: 1 << 63 | 5) == seeded)
    }

    /// Bytes given in pieces of any sizes hash as they do all at once: the same reference values.
    @Test(arguments: [
        (0, 0xef46_db37_51d8_e999 as UInt64, 0x62ea_3b7b_0965_60f4 as UInt64),
        (31, 0xa2aa_5f33_cc4a_6119, 0x48f1_3afe_7ce2_d647), (32, 0x23c3_c17e_f790_fd97, 0x952a_9a28_7ac1_5dc4),
        (1027, 0xc0f4_095b_e069_9c78, 0x5658_6486_2fce_357f),
    ])
    func xxHash64InPiecesMatchesTheReference(count: Int, unseeded: UInt64, seeded: UInt64) {
        let bytes = (0..<count).map { UInt8(($0 * 7 + 3) % 256) }
        for pieceSizes in [[1], [5, 0, 31], [32], [33, 1], [64, 7, 100]] {
            for (seed, expected) in [(UInt64(0), unseeded), (1 << 63 | 5, seeded)] {
                var hasher = XXHash64.Streaming(seed: seed)
                var offset = 0
                var piece = 0
                while offset < count {
                    let size = min(pieceSizes[piece % pieceSizes.count], count - offset)
                    bytes[offset..<(offset + size)].withUnsafeBytes { hasher.update($0) }
                    offset += size
                    piece += 1
                }
                #expect(hasher.finalize() == expected, "pieces of \(pieceSizes), seed \(seed)")
            }
        }
    }

    private func load(_ data: Data) -> SentenceEncoderError? {
        do {
            _ = try SentenceEncoder(file: ModelFile(url: URL(fileURLWithPath: "/tmp/model.encoder"), data: data))
            return nil
        } catch {
            return error
        }
    }

    @Test func theCommittedModelMatchesItsChecksum() throws {
        let data = try Data(contentsOf: ModelFileTests.model, options: .alwaysMapped)
        let encoder = try SentenceEncoder(file: ModelFile(url: ModelFileTests.model, data: data))
        let stored = data.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: ModelFile.checksumOffset, as: UInt64.self) }
        #expect(encoder.fingerprint == XXHash64.hex(UInt64(littleEndian: stored)), "the fingerprint is the checksum")
        #expect(encoder.fingerprint.count == 16)
    }

    /// The battery's case: 400 KB of the word embeddings' weights overwritten with 0xFF, which the
    /// layout checks cannot see.
    @Test func overwrittenWeightsAreRefused() throws {
        var data = try Data(contentsOf: ModelFileTests.model)
        let embeddings = try ModelFile(url: ModelFileTests.model, data: data).tensors[3]
        #expect(embeddings.rows == 30_522 && embeddings.byteCount > 2_000_000)
        let start = embeddings.offset + 1_000_000
        data.replaceSubrange(start..<(start + 400_000), with: repeatElement(0xFF, count: 400_000))
        guard case .corrupt(_, let reason) = load(data) else {
            Issue.record("a damaged model loaded: \(String(describing: load(data)))")
            return
        }
        #expect(reason.contains("do not match the checksum in its header"), "\(reason)")
        #expect(reason.contains("rerun scripts/convert-encoder-model"))
    }

    /// One flipped bit anywhere: the header's dimensions, the vocabulary, a weight in the middle,
    /// the checksum itself, the last byte.
    @Test func everyByteCounts() throws {
        let original = try Data(contentsOf: ModelFileTests.model)
        for offset in [44, ModelFile.checksumOffset + 3, 64 + 16 + 5, original.count / 2 + 1, original.count - 1] {
            var data = original
            data[offset] ^= 0x04
            guard case .corrupt(_, let reason) = load(data) else {
                Issue.record("a bit flipped at byte \(offset) went unseen")
                continue
            }
            #expect(reason.contains("checksum"), "byte \(offset): \(reason)")
        }
        var padded = original
        padded[ModelFile.checksumOffset + 8] = 1
        #expect(load(padded) != nil, "the zero bytes after the checksum")
    }

    /// A file verified once is not hashed again until it changes; a write to it (400 KB
    /// overwritten in place, its size unchanged) changes its change time, so it is verified anew
    /// and refused.
    @Test func aRememberedVerificationLastsOnlyUntilTheFileChanges() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("verified-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let records = folder.appendingPathComponent("models")
        let model = folder.appendingPathComponent("model.encoder")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: ModelFileTests.model, to: model)
        let encoder = try SentenceEncoder(contentsOf: model, verifications: records)
        let record = try #require(ModelVerification(of: model, in: records))
        let stored = try ModelFile(contentsOf: model).storedChecksum
        #expect(record.remembers(stored), "remembered once verified")
        #expect(try SentenceEncoder(contentsOf: model, verifications: records).fingerprint == encoder.fingerprint)
        let mode = try #require(FileManager.default.attributesOfItem(atPath: record.record.path)[.posixPermissions] as? Int)
        #expect(mode & 0o777 == 0o600)

        let handle = try FileHandle(forWritingTo: model)
        try handle.seek(toOffset: 20_000_000)
        try handle.write(contentsOf: Data(repeating: 0xFF, count: 400_000))
        try handle.close()
        #expect(!(ModelVerification(of: model, in: records)?.remembers(stored) ?? true), "the file changed")
        #expect {
            try SentenceEncoder(contentsOf: model, verifications: records)
        } throws: { error in
            guard case .corrupt(_, let reason) = error as? SentenceEncoderError else { return false }
            return reason.contains("checksum")
        }
    }
}
