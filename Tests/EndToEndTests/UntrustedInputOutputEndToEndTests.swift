import Foundation
import StudyKit
import Testing

/// Issue 21, "trust nothing read back": standard input with no end, output that cannot be
/// written, export paths that are not plain files, a progress file that is read-only or not a
/// file at all, and narrow terminals.
@Suite("untrusted input and output (end to end)")
struct UntrustedInputOutputEndToEndTests {
    /// A scratch folder; `remove()` in a `defer`.
    struct Folder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("django-tutor-io-\(UUID().uuidString)")

        init() throws {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }

        func path(_ name: String) -> String { url.appendingPathComponent(name).path }

        func contents() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
        }

        func remove() {
            chmod(url.path, 0o700)
            try? FileManager.default.removeItem(at: url)
        }
    }

    /// Rates one answer "good" into a new progress file at `path`.
    static func progressWithOneReview(at path: String) throws {
        let outcome = try TutorProcess.run(
            ["--seed", "3", "--no-semantic", "--progress", path], stdin: "/quiz\nmodels map classes to tables\n\n3\n/quit\n")
        try #require(outcome.status == 0, "\(outcome.stderr)")
        try #require(outcome.stdout.contains("Rated good"))
    }

    static func occurrences(of needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    /// Single quotes for `sh`.
    static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }

    // MARK: 1. standard input with no end of line

    enum Reader: String, CaseIterable, CustomTestStringConvertible {
        case ask, repl, grade

        var testDescription: String { rawValue }

        /// The REPL's progress goes to `progress`, not the scratch folder's.
        func arguments(progress: String) -> String {
            switch self {
            case .ask: "ask --no-semantic"
            case .repl: "--no-semantic --seed 1 --progress \(UntrustedInputOutputEndToEndTests.quoted(progress))"
            case .grade: "grade 21 --no-semantic"
            }
        }

        var notice: String {
            switch self {
            case .ask:
                "note: line 1 of standard input is longer than 1,000 characters: only its first 1,000 characters are read; the rest of the line is skipped.\n"
            case .repl:
                "note: line 1 of standard input is longer than 4,000 characters: only its first 4,000 characters are read; the rest of the line is skipped.\n"
            case .grade:
                "note: the answer on standard input is longer than 4,000 characters: only its first 4,000 characters are graded; the rest is not read.\n"
            }
        }

        /// What standard output says once the line is read.
        var answered: String {
            switch self {
            case .ask, .repl: "(only the first 1,000 characters of the question were searched)"
            case .grade: "(only the first 4,000 characters of the answer were graded)"
            }
        }
    }

    /// 50 MB with no newline: read up to the limit, the rest skipped with one notice. Before, the
    /// whole line was collected (hundreds of megabytes; `< /dev/zero` until memory ran out).
    @Test(arguments: Reader.allCases)
    func aLineWithNoEndIsReadUpToItsLimit(_ reader: Reader) throws {
        let folder = try Folder()
        defer { folder.remove() }
        let arguments = reader.arguments(progress: folder.path("progress.sqlite"))
        // `grade` stops reading at its limit, so `head` may be told of the broken pipe: its own
        // complaint is not the tutor's.
        let outcome = try TutorProcess.shell("head -c 50000000 /dev/zero 2>/dev/null | \"$TUTOR\" \(arguments)")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr == reader.notice)
        #expect(outcome.stdout.contains(reader.answered), "\(outcome.stdout.prefix(500))")
        #expect(outcome.stdout.utf8.count < 20_000)
    }

    /// The same under a 400 MB address-space limit, which the old reading ran into ("exits 0 with
    /// no word"). Not under a sanitizer, whose shadow memory alone is larger.
    @Test(.enabled(if: !underSanitizer, "a sanitizer reserves more address space than the limit"), arguments: Reader.allCases)
    func aLongLineFitsInBoundedMemory(_ reader: Reader) throws {
        let folder = try Folder()
        defer { folder.remove() }
        let arguments = reader.arguments(progress: folder.path("progress.sqlite"))
        let outcome = try TutorProcess.shell("ulimit -v 400000; head -c 200000000 /dev/zero 2>/dev/null | \"$TUTOR\" \(arguments)")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr == reader.notice)
        #expect(outcome.stdout.contains(reader.answered))
    }

    /// The test bundle is built with the same sanitizer as the binary; RTLD_DEFAULT is a null handle.
    static let underSanitizer = ["__asan_init", "__tsan_init"].contains(where: { (name: String) -> Bool in
        dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) != nil
    })

    @Test func linesAfterAnOverLongOneAreStillRead() throws {
        let long = String(repeating: "x", count: 300_000)
        let outcome = try TutorProcess.run(["ask", "--no-semantic", "--json"], stdin: "\(long)\nwhat is select_related\n")
        #expect(outcome.status == 0)
        #expect(Self.occurrences(of: "note: line 1 of standard input is longer than 1,000 characters", in: outcome.stderr) == 1)
        let objects = outcome.stdout.split(separator: "\n")
        #expect(objects.count == 2)
        #expect(objects.last?.contains(#""query":"what is select_related""#) == true)
    }

    // MARK: 2 and 6. export -o: what is there

    @Test func exportWritesThroughAFIFO() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try Self.progressWithOneReview(at: folder.path("progress.sqlite"))
        try #require(mkfifo(folder.path("reviews.csv"), 0o644) == 0)
        // `timeout`: a tutor that replaced the FIFO instead would leave `cat` waiting.
        let outcome = try TutorProcess.shell(
            """
            cd \(Self.quoted(folder.url.path)) || exit 99
            timeout -s KILL 20 cat reviews.csv > received &
            "$TUTOR" export --progress progress.sqlite -o reviews.csv
            status=$?
            wait
            exit $status
            """)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr == "Wrote 1 reviews to reviews.csv.\n")
        var info = stat()
        #expect(lstat(folder.path("reviews.csv"), &info) == 0)
        #expect(info.st_mode & S_IFMT == S_IFIFO, "still a FIFO")
        let received = try String(contentsOfFile: folder.path("received"), encoding: .utf8)
        #expect(received.hasPrefix("time,corpus,entry,question,rating,score,answer\r\n"))
        #expect(received.contains("models map classes to tables"))
        #expect(try folder.contents() == ["progress.sqlite", "progress.sqlite.lock", "received", "reviews.csv"], "no temporary file left")
    }

    @Test func exportFollowsASymbolicLinkAndKeepsItsTargetsMode() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try Self.progressWithOneReview(at: folder.path("progress.sqlite"))
        try "old\n".write(toFile: folder.path("target.csv"), atomically: false, encoding: .utf8)
        try #require(chmod(folder.path("target.csv"), 0o640) == 0)
        try FileManager.default.createSymbolicLink(atPath: folder.path("link.csv"), withDestinationPath: "target.csv")

        let outcome = try TutorProcess.shell("cd \(Self.quoted(folder.url.path)) && \"$TUTOR\" export --progress progress.sqlite -o link.csv")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr == "Wrote 1 reviews to target.csv (through the link link.csv).\n")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.path("link.csv")) == "target.csv", "still the link")
        let target = try String(contentsOfFile: folder.path("target.csv"), encoding: .utf8)
        #expect(target.contains("models map classes to tables"))
        var info = stat()
        #expect(stat(folder.path("target.csv"), &info) == 0)
        #expect(info.st_mode & 0o777 == 0o640, "a replaced file keeps its mode")
    }

    @Test func aNewExportFileIsPrivate() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try Self.progressWithOneReview(at: folder.path("progress.sqlite"))
        let outcome = try TutorProcess.shell(
            "cd \(Self.quoted(folder.url.path)) && umask 022 && \"$TUTOR\" export --progress progress.sqlite -o reviews.json")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        var info = stat()
        #expect(stat(folder.path("reviews.json"), &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600, "as private as the progress file")
        let rows = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.url.appendingPathComponent("reviews.json"))) as? [Any]
        #expect(rows?.count == 1)
    }

    @Test func exportToADirectorySaysWhatToDo() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let outcome = try TutorProcess.run(["export", "--progress", folder.path("progress.sqlite"), "-o", folder.url.path], environment: ["COLUMNS": "1000"])
        #expect(outcome.status != 0)
        #expect(outcome.stderr.contains("Error: Cannot write \(folder.url.path): it is a directory. Give a file's name, e.g. \(folder.path("reviews.csv")).\n"))
    }

    // MARK: 3. standard output that cannot be written

    @Test(arguments: [["export"], ["list"], ["show", "--json", "3"], ["ask", "--no-semantic", "what is a model"]])
    func aFullDeviceIsAnError(_ arguments: [String]) throws {
        try #require(FileManager.default.fileExists(atPath: "/dev/full"), "/dev/full is Linux's")
        let outcome = try TutorProcess.shell("\"$TUTOR\" \(arguments.joined(separator: " ")) > /dev/full")
        #expect(outcome.status == 1)
        #expect(outcome.stderr.hasSuffix("Error: cannot write to standard output (No space left on device); the output is incomplete.\n"))
    }

    // MARK: 4. a read-only progress file

    /// Runs `command` (the tutor's arguments, quoted for `sh`) unable to write `folder`: as
    /// another user when the tests run as root, whom permissions do not stop.
    static func readOnlyRun(_ command: String) throws -> TutorProcess.Outcome {
        let asOther = geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : ""
        return try TutorProcess.shell("\(asOther)\"$TUTOR\" \(command)")
    }

    static let canDropRoot = geteuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")

    @Test(.enabled(if: canDropRoot, "runs as root without setpriv: nothing can make a folder read-only for it"))
    func aReadOnlyProgressFileIsReadAndSaysRatingsWillNotBeSaved() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let progress = folder.path("progress.sqlite")
        try Self.progressWithOneReview(at: progress)
        try? FileManager.default.removeItem(atPath: progress + ".lock")
        try #require(chmod(progress, 0o444) == 0 && chmod(folder.url.path, 0o555) == 0)
        // The parent folders of the scratch folder must be reachable by the other user.
        let warning = "warning: new ratings will not be saved: cannot open \(progress) (Permission denied)."

        let stats = try Self.readOnlyRun("stats --json --progress \(Self.quoted(progress))")
        #expect(stats.status == 0, "\(stats.stderr)")
        #expect(stats.stderr.hasPrefix(warning), "\(stats.stderr)")
        #expect(stats.stderr.contains("The progress in it was read"))
        let figures = try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any]
        #expect(figures?["reviews"] as? Int == 1)

        let export = try Self.readOnlyRun("export --format json --progress \(Self.quoted(progress))")
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stderr.hasPrefix(warning))
        let rows = try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [[String: Any]]
        #expect(rows?.first?["answer"] as? String == "models map classes to tables")
        #expect(try folder.contents() == ["progress.sqlite"], "nothing written beside it")
    }

    // MARK: 5. a progress path that is not a file

    @Test func aDirectoryAsProgressKeepsProgressInMemoryAndLeavesNothingBehind() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let directory = folder.path("progress")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
        let outcome = try TutorProcess.run(["stats", "--json", "--progress", directory], environment: ["COLUMNS": "1000"])
        #expect(outcome.status == 0)
        #expect(
            outcome.stderr
                == "warning: progress will not be saved: \(directory) is a directory, not a file (give the path of a progress file, or of one to create). It is kept in memory for this session.\n"
        )
        #expect(try folder.contents() == ["progress"], "no lock or journal beside it")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
    }

    @Test func aFIFOAsProgressIsNeverOpened() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try #require(mkfifo(folder.path("progress"), 0o600) == 0)
        // `timeout`: opening the FIFO as a database would wait for a writer.
        let outcome = try TutorProcess.shell(
            "printf '/quiz\\nan answer\\n\\n3\\n' | timeout -s KILL 20 \"$TUTOR\" --no-semantic --seed 1 --progress \(Self.quoted(folder.path("progress")))")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("is a FIFO, not a file"))
        #expect(outcome.stdout.contains("Rated good"), "the session runs, in memory")
        #expect(try folder.contents() == ["progress"])
    }

    @Test func devNullAsProgressIsStillADeviceAfterwards() throws {
        let outcome = try TutorProcess.run(["stats", "--progress", "/dev/null"])
        #expect(outcome.status == 0)
        #expect(outcome.stderr.contains("/dev/null is a character device, not a file"))
        var info = stat()
        #expect(lstat("/dev/null", &info) == 0)
        #expect(info.st_mode & S_IFMT == S_IFCHR)
    }

    // MARK: 7. one-shot commands fit the width

    static func widest(_ text: String) -> Int {
        text.components(separatedBy: "\n").map(\.count).max() ?? 0
    }

    @Test func statsFitsFortyColumns() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try Self.progressWithOneReview(at: folder.path("progress.sqlite"))
        let outcome = try TutorProcess.run(["stats", "--progress", folder.path("progress.sqlite")], environment: ["COLUMNS": "40"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("Reviews today 1"))
        #expect(Self.widest(outcome.stdout) <= 40, "\(outcome.stdout)")
    }

    @Test(arguments: ["what is a mixin", "how do I deploy on kubernetes", "selct_related"])
    func askExplainFitsFortyColumns(_ question: String) throws {
        let outcome = try TutorProcess.run(["ask", "--explain", "--no-semantic", question], environment: ["COLUMNS": "40"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("Why these results"))
        #expect(Self.widest(outcome.stdout) <= 40, "\(outcome.stdout)")
    }
}
