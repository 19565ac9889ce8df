import Foundation
import Testing

@testable import StudyKit

@Suite("BoundedFileReader")
struct BoundedFileReaderTests {
    @Test func stopsAnEndlessDeviceAtTheLimit() {
        #expect(throws: BoundedFileReader.Failure.tooLarge(limit: 100_000)) {
            try BoundedFileReader(limit: 100_000).read("/dev/zero")
        }
    }

    @Test func readsAFileOfExactlyTheLimit() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bounded-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(repeating: 65, count: 200_000).write(to: url)
        #expect(try BoundedFileReader(limit: 200_000).read(url.path).count == 200_000)
        #expect(throws: BoundedFileReader.Failure.tooLarge(limit: 199_999)) {
            try BoundedFileReader(limit: 199_999).read(url.path)
        }
    }

    @Test func readsAnEmptyDeviceAsEmpty() throws {
        #expect(try BoundedFileReader(limit: 10).read("/dev/null").isEmpty)
    }

    @Test func readsAFIFO() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fifo-\(UUID().uuidString)").path
        #expect(mkfifo(path, 0o600) == 0)
        defer { unlink(path) }
        let writer = Thread {
            let descriptor = open(path, O_WRONLY)
            _ = "# T\n".withCString { write(descriptor, $0, 4) }
            close(descriptor)
        }
        writer.start()
        #expect(try BoundedFileReader(limit: 100).read(path) == Data("# T\n".utf8))
    }

    @Test func givesTheSystemsReason() {
        #expect(throws: BoundedFileReader.Failure.unreadable(reason: "Is a directory")) {
            try BoundedFileReader(limit: 100).read("/tmp")
        }
        #expect(throws: BoundedFileReader.Failure.unreadable(reason: "No such file or directory")) {
            try BoundedFileReader(limit: 100).read("/nonexistent/corpus.md")
        }
    }

    @Test func describesTheLimit() {
        #expect(BoundedFileReader.describe(bytes: 256 << 20) == "256 MB")
        #expect(BoundedFileReader.describe(bytes: 1000) == "1000 bytes")
    }
}
