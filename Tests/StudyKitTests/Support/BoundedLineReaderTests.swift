import Foundation
import Testing

@testable import StudyKit

@Suite("BoundedLineReader")
struct BoundedLineReaderTests {
    /// A reader over `text` written to a temporary file (removed at once: the descriptor keeps it).
    static func reader(_ bytes: [UInt8], limit: Int, chunkSize: Int = 1 << 16) throws -> BoundedLineReader {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lines-\(UUID().uuidString)").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        try #require(descriptor >= 0)
        unlink(path)
        return BoundedLineReader(descriptor: descriptor, limit: CharacterLimit(limit), chunkSize: chunkSize)
    }

    static func lines(_ reader: inout BoundedLineReader) -> [BoundedLineReader.Line] {
        var lines: [BoundedLineReader.Line] = []
        while let line = reader.next() { lines.append(line) }
        return lines
    }

    @Test(arguments: [1, 2, 3, 7, 1 << 16])
    func splitsLinesAsReadLineDoes(chunkSize: Int) throws {
        var reader = try Self.reader(Array("one\r\ntwo\n\nthree".utf8), limit: 10, chunkSize: chunkSize)
        let lines = Self.lines(&reader)
        #expect(lines.map(\.text) == ["one", "two", "", "three"])
        #expect(lines.map(\.number) == [1, 2, 3, 4])
        #expect(lines.allSatisfy { !$0.wasCut })
        #expect(reader.failure == nil)
    }

    @Test func anEmptyInputHasNoLines() throws {
        var reader = try Self.reader([], limit: 10)
        #expect(reader.next() == nil)
        var newline = try Self.reader(Array("\n".utf8), limit: 10)
        #expect(Self.lines(&newline).map(\.text) == [""])
    }

    @Test(arguments: [1, 5, 1 << 16])
    func keepsOneCharacterPastTheLimitAndSkipsTheRest(chunkSize: Int) throws {
        let long = String(repeating: "abcdefghij", count: 1_000)
        var reader = try Self.reader(Array("\(long)\nshort\n1234567890\n12345678901".utf8), limit: 10, chunkSize: chunkSize)
        let lines = Self.lines(&reader)
        #expect(lines.map(\.text) == ["abcdefghija", "short", "1234567890", "12345678901"])
        #expect(lines.map(\.wasCut) == [true, false, false, true])
        #expect(lines.map(\.number) == [1, 2, 3, 4])
    }

    @Test func cutsBetweenCharactersNotInsideOne() throws {
        // Two bytes each: the byte limit falls well past the character limit.
        var reader = try Self.reader(Array(String(repeating: "é", count: 100).utf8 + [UInt8(ascii: "\n")]), limit: 10, chunkSize: 3)
        let first = reader.next()
        let line = try #require(first)
        #expect(line.text == String(repeating: "é", count: 11))
        #expect(line.wasCut)
        // Four bytes each, cut by bytes: no replacement character at the end.
        var emoji = try Self.reader(Array(String(repeating: "😀", count: 100).utf8), limit: 10, chunkSize: 5)
        let next = emoji.next()
        let cut = try #require(next)
        #expect(cut.text == String(repeating: "😀", count: 11))
        #expect(emoji.next() == nil)
    }

    @Test func aLineWithNoEndIsReturnedWithoutWaitingForItsEnd() throws {
        // `/dev/zero` never ends: the line comes back at once, cut, and memory stays bounded.
        let descriptor = open("/dev/zero", O_RDONLY | O_CLOEXEC)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        var reader = BoundedLineReader(descriptor: descriptor, limit: CharacterLimit(1_000))
        let first = reader.next()
        let line = try #require(first)
        #expect(line.wasCut)
        #expect(line.text.count == 1_001)
        #expect(line.text.allSatisfy { $0 == "\0" })
    }

    /// A program that writes a question and waits for its answer must get it: the reader says a
    /// line is ready only when reading it would not wait.
    @Test func aLineIsReadyOnlyWhenReadingItWouldNotWait() throws {
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        defer { close(ends[0]) }
        var reader = BoundedLineReader(descriptor: ends[0], limit: CharacterLimit(100))
        #expect(!reader.hasLineReady, "nothing written yet")
        _ = "one\ntwo\n".utf8CString.withUnsafeBufferPointer { write(ends[1], $0.baseAddress, 8) }
        #expect(reader.hasLineReady)
        #expect(reader.next()?.text == "one")
        #expect(reader.hasLineReady, "the second line is already read into the buffer")
        #expect(reader.next()?.text == "two")
        #expect(!reader.hasLineReady, "the writer has written nothing more and not closed")
        close(ends[1])
        #expect(reader.hasLineReady, "the end of the input is ready to read")
        #expect(reader.next() == nil)
    }

    @Test func aDirectoryIsAFailureNotALine() throws {
        let descriptor = open("/", O_RDONLY | O_CLOEXEC)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        var reader = BoundedLineReader(descriptor: descriptor, limit: CharacterLimit(10))
        #expect(reader.next() == nil)
        #expect(reader.failure == String(cString: strerror(EISDIR)))
    }
}
