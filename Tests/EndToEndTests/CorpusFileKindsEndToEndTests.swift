import Foundation
import Testing

/// `--corpus` accepts any file that can be read (pipes and FIFOs too), reads at most 256 MB of
/// it, and says what is wrong when it cannot.
@Suite("corpus file kinds (end to end)")
struct CorpusFileKindsEndToEndTests {
    static let corpus = "# T\n\n## S\n### 1. What is a model?\n\nA model is a class.\n"

    @Test func anEndlessFileIsCutAtTheCap() throws {
        let outcome = try TutorProcess.run(["list", "--corpus", "/dev/zero"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("/dev/zero: the file holds more than 256 MB, the most a corpus may hold."))
    }

    @Test func anEmptyDeviceIsReportedAsEmpty() throws {
        let outcome = try TutorProcess.run(["list", "--corpus", "/dev/null"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("/dev/null: the file is empty."))
    }

    @Test func aProcessSubstitutionPipeIsACorpus() throws {
        let outcome = try TutorProcess.shell(#"bash -c '"$TUTOR" list --corpus <(printf "$CORPUS")'"#, environment: ["CORPUS": Self.corpus])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("#1   What is a model?"))
    }

    @Test func aMalformedPhrasingsFileBesideTheCorpusIsReportedWhereItIsWrong() throws {
        let folder = TutorProcess.newScratchFolder()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = folder.appendingPathComponent("models.md")
        try Self.corpus.write(to: corpus, atomically: true, encoding: .utf8)
        try "# How learners ask\n### 2\n- what is a view\n".write(
            to: folder.appendingPathComponent("models.phrasings.md"), atomically: true, encoding: .utf8)
        let outcome = try TutorProcess.run(["ask", "what is a model", "--corpus", corpus.path])
        #expect(outcome.status == 1)
        #expect(
            outcome.stderr.replacingOccurrences(of: "\n", with: " ").contains(
                "models.phrasings.md:2: the corpus has no entry #2. Use the number of one of its 1 entries"))
        #expect(outcome.stdout.isEmpty)
    }

    @Test func aFIFOIsACorpus() throws {
        let folder = TutorProcess.newScratchFolder()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("corpus.md").path
        let outcome = try TutorProcess.shell(
            #"mkfifo "$FIFO" && { printf "$CORPUS" > "$FIFO" & } && "$TUTOR" show 1 --corpus "$FIFO""#,
            environment: ["CORPUS": Self.corpus, "FIFO": fifo])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("#1   What is a model?"))
    }
}
