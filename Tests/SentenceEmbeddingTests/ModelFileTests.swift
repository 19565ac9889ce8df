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
        let error = try load(try modified { setU32(&$0, at: 8, 2) })
        guard case .unsupportedVersion(_, let found, let supported) = error else {
            Issue.record("\(String(describing: error))")
            return
        }
        #expect(found == 2 && supported == 1)
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

/// The model's fingerprint names the vectors computed with it: any change to the parts it reads
/// must change it, wherever in a word the change falls.
@Suite("Model fingerprint")
struct ModelFingerprintTests {
    /// 2 MiB + 3 bytes of varied content: a head, a middle the fingerprint skips, and a tail.
    static let data = Data((0..<(2 << 20) + 3).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) })

    private func changed(at offset: Int) -> String {
        var data = Self.data
        data[offset] ^= 0x80
        return SentenceEncoder.fingerprint(of: data)
    }

    @Test func everyByteItReadsCountsWhateverItsPlaceInAWord() {
        let original = SentenceEncoder.fingerprint(of: Self.data)
        #expect(SentenceEncoder.fingerprint(of: Self.data) == original, "the same bytes give the same fingerprint")
        let last = Self.data.count - 1
        // The head's first and last bytes and two words' top bytes; the tail's first byte, its first
        // word's top byte and its last bytes.
        let tail = last - (1 << 20) + 1
        let offsets = [0, 7, 15, (1 << 16) - 1, tail, tail + 7, last - 1, last]
        var seen: Set<String> = [original]
        for offset in offsets {
            let fingerprint = changed(at: offset)
            #expect(fingerprint != original, "a change at byte \(offset)")
            seen.insert(fingerprint)
        }
        #expect(seen.count == offsets.count + 1, "each change gives its own fingerprint")
        #expect(changed(at: 1 << 19) == original, "the middle of the file is not read")
        #expect(SentenceEncoder.fingerprint(of: Self.data.dropLast()) != original, "the size counts")
        let short = Data(Self.data.prefix(13))
        var shortChanged = short
        shortChanged[12] ^= 1
        #expect(SentenceEncoder.fingerprint(of: short) != SentenceEncoder.fingerprint(of: shortChanged), "bytes after the last whole word")
    }
}
