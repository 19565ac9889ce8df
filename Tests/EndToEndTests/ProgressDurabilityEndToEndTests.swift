import Foundation
import StudyKit
import Testing

/// "Nothing is lost": the built binary, crashed, run twice at once, given a damaged file or no
/// usable home, and exported.
@Suite("Progress durability (end to end)")
struct ProgressDurabilityEndToEndTests {
    /// A scratch folder holding the progress file; `remove()` in a `defer`.
    struct Folder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("django-tutor-progress-\(UUID().uuidString)")

        init() throws {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }

        var progress: String { url.appendingPathComponent("progress.sqlite").path }

        func contents() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
        }

        func remove() {
            try? FileManager.default.removeItem(at: url)
        }
    }

    static let corpus = try! BundledCorpus.load()

    /// `stats --json --progress PATH`: the total number of ratings stored.
    static func storedReviews(_ progress: String) throws -> Int {
        let outcome = try TutorProcess.run(["stats", "--json", "--progress", progress])
        #expect(outcome.status == 0)
        #expect(outcome.stderr.isEmpty, "\(outcome.stderr)")
        let stats = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        return try #require(stats["reviews"] as? Int)
    }

    /// `export --format json --progress PATH`, parsed.
    static func exported(_ progress: String) throws -> [[String: Any]] {
        let outcome = try TutorProcess.run(["export", "--format", "json", "--progress", progress])
        #expect(outcome.status == 0)
        #expect(outcome.stderr.isEmpty, "\(outcome.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
    }

    static func occurrences(of needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    // MARK: (a) kill -9

    @Test func aRatingSurvivesKillDashNineRightAfterIt() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let answer = "A model maps a Python class to a database table"
        let tutor = try TutorProcess.start(["--seed", "7", "--progress", folder.progress])
        try tutor.send("/quiz", answer, "", "3")
        try tutor.waitForStdout { $0.contains("Rated good") }
        tutor.kill()
        #expect(tutor.process.terminationReason == .uncaughtSignal)
        #expect(tutor.process.terminationStatus == SIGKILL)
        #expect(tutor.stderr.isEmpty)
        // Not closed cleanly: the rating is in the write-ahead log, not yet in the database file.
        #expect(FileManager.default.fileExists(atPath: folder.progress + "-wal"))

        #expect(try Self.storedReviews(folder.progress) == 1)
        let rows = try Self.exported(folder.progress)
        #expect(rows.count == 1)
        #expect(rows.first?["answer"] as? String == answer)
        #expect(rows.first?["rating"] as? String == "good")
        #expect(rows.first?["corpus"] as? String == Self.corpus.identity)
    }

    // MARK: (b) two at once

    @Test func twoTutorsAtOnceBothKeepAllTheirReviews() throws {
        let folder = try Folder()
        defer { folder.remove() }
        // The second starts once the first has opened (and so created) the file: two tutors that
        // create a new file at the very same moment race (see ProgressStoreTests).
        let first = try TutorProcess.start(["--seed", "1", "--progress", folder.progress])
        try first.send("/quiz")
        try first.waitForStdout { $0.contains("Type your answer") }
        let second = try TutorProcess.start(["--seed", "1", "--progress", folder.progress])
        try second.send("/quiz")
        try second.waitForStdout { $0.contains("Type your answer") }

        for round in 1...5 {
            for (name, tutor) in [("first", first), ("second", second)] {
                try tutor.send("\(name) tutor, answer \(round), about models and views", "", "3")
                try tutor.waitForStdout { Self.occurrences(of: "Rated good", in: $0) == round }
            }
        }
        for tutor in [first, second] {
            let outcome = try tutor.finish()
            #expect(outcome.status == 0)
            #expect(outcome.stderr.isEmpty, "\(outcome.stderr)")
            #expect(!outcome.stdout.contains("could not be saved"))
            #expect(outcome.stdout.contains("Session: 5 answered"))
        }

        #expect(try Self.storedReviews(folder.progress) == 10)
        let answers = try Self.exported(folder.progress).compactMap { $0["answer"] as? String }
        let expected = (1...5).flatMap { round in
            ["first", "second"].map { "\($0) tutor, answer \(round), about models and views" }
        }
        #expect(answers == expected, "every review kept, in the order given")
    }

    // MARK: (c) a damaged file

    @Test func aCorruptFileIsMovedAsideAndStatsStillRuns() throws {
        let folder = try Folder()
        defer { folder.remove() }
        var generator = SeededGenerator(seed: 11)
        let garbage = Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) })
        try garbage.write(to: URL(fileURLWithPath: folder.progress))

        let outcome = try TutorProcess.run(["stats", "--json", "--progress", folder.progress])
        #expect(outcome.status == 0)
        #expect(outcome.stderr.contains("could not be read"))
        #expect(outcome.stderr.contains("moved it to"))
        #expect(outcome.stderr.hasPrefix("warning: \(folder.progress) could not be read"))
        #expect(Self.occurrences(of: "\n", in: outcome.stderr) == 1, "one line")
        let stats = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        #expect(stats["reviews"] as? Int == 0)

        let aside = try folder.contents().filter { $0.hasPrefix("progress.sqlite.corrupt-") }
        #expect(aside.count == 1)
        let name = try #require(aside.first)
        #expect(outcome.stderr.contains("moved it to \(name) and started a fresh progress file"))
        #expect(try Data(contentsOf: folder.url.appendingPathComponent(name)) == garbage)
        // The fresh file is a working one.
        #expect(try Self.storedReviews(folder.progress) == 0)
        #expect(try folder.contents().filter { $0.contains(".corrupt-") } == aside, "moved aside once only")
    }

    // MARK: (d) no usable home

    enum Home: String, CaseIterable, CustomTestStringConvertible {
        /// `XDG_DATA_HOME=/dev/null/x`
        case dataHomeUnderAFile
        /// `HOME=/dev/null`, `XDG_DATA_HOME` unset
        case homeIsDevNull

        var testDescription: String { rawValue }

        var environment: [String: String] {
            switch self {
            case .dataHomeUnderAFile: ["XDG_DATA_HOME": "/dev/null/x"]
            case .homeIsDevNull: ["HOME": "/dev/null"]
            }
        }

        var unsetting: [String] {
            switch self {
            case .dataHomeUnderAFile: ["DJANGO_TUTOR_PROGRESS"]
            case .homeIsDevNull: ["DJANGO_TUTOR_PROGRESS", "XDG_DATA_HOME"]
            }
        }
    }

    @Test(arguments: Home.allCases)
    func withoutAUsableHomeTheTutorRunsAndKeepsProgressInMemory(_ home: Home) throws {
        if home == .homeIsDevNull {
            // The tutor must look under $HOME; if it looks elsewhere, running it would write into
            // the real progress file of whoever runs the tests, so check first.
            let resolved = AppDirectories(environment: home.environment).data.path
            try #require(resolved.hasPrefix("/dev/null/"), "with HOME=/dev/null progress would go to \(resolved); not running the tutor")
        }
        let tutor = try TutorProcess.start(["--seed", "2"], environment: home.environment, unsetting: home.unsetting)
        try tutor.send("/quiz", "an answer about models and the ORM", "", "3", "/stats", "/quit")
        let outcome = try tutor.finish()
        #expect(outcome.status == 0)
        let warnings = outcome.stderr.split(separator: "\n").filter { $0.hasPrefix("warning: progress will not be saved") }
        #expect(warnings.count == 1, "warns once: \(outcome.stderr)")
        #expect(warnings.first?.contains("kept in memory") == true)
        #expect(outcome.stdout.contains("Rated good."))
        #expect(!outcome.stdout.contains("could not be saved"))
        #expect(outcome.stdout.contains("Reviews today 1 · this week 1 · total 1 · "), "the /stats output counts the rating kept in memory")
        #expect(outcome.stdout.contains("1 of 35 entries started"))
    }

    // MARK: (e) export

    /// Splits RFC 4180 text into records of fields.
    static func parseCSV(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" {
                        field.append("\"")
                        characters.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                record.append(field)
                field = ""
            } else if character == "\r\n" || character == "\n" {
                record.append(field)
                records.append(record)
                record = []
                field = ""
            } else {
                field.append(character)
            }
        }
        if !field.isEmpty || !record.isEmpty { records.append(record + [field]) }
        return records
    }

    @Test func csvExportQuotesAnswersWithCommasAndQuotes() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let tricky = #"Models, views and "templates", the MVT pattern"#
        let plain = "no idea"
        let tutor = try TutorProcess.start(["--seed", "3", "--progress", folder.progress])
        try tutor.send("/quiz", tricky, "", "3", plain, "", "1", "/quit")
        let session = try tutor.finish()
        #expect(session.status == 0)
        #expect(Self.occurrences(of: "Rated ", in: session.stdout) == 2)

        let outcome = try TutorProcess.run(["export", "--format", "csv", "--progress", folder.progress])
        #expect(outcome.status == 0)
        #expect(outcome.stderr.isEmpty)
        let text = outcome.stdout
        #expect(text.hasPrefix("time,corpus,entry,question,rating,score,answer\r\n"))
        #expect(text.hasSuffix("\r\n"))
        #expect(text.contains(#","Models, views and ""templates"", the MVT pattern"\#r\#n"#))

        let records = Self.parseCSV(text)
        #expect(records.count == 3)
        #expect(records.first == ["time", "corpus", "entry", "question", "rating", "score", "answer"])
        let rows = Array(records.dropFirst())
        #expect(rows.allSatisfy { $0.count == 7 }, "\(rows)")
        try #require(rows.count == 2 && rows.allSatisfy { $0.count == 7 })
        #expect(rows.map { $0[6] } == [tricky, plain])
        #expect(rows.map { $0[4] } == ["good", "again"])
        for row in rows {
            #expect(row[1] == Self.corpus.identity)
            let entry = try #require(Int(row[2]).flatMap(Self.corpus.entry(id:)))
            #expect(row[3] == entry.question)
            #expect(Int(row[5]).map { (0...100).contains($0) } == true, "score \(row[5])")
            let time = try #require(try? Date(row[0], strategy: .iso8601))
            #expect(abs(time.timeIntervalSinceNow) < 600)
        }
        #expect(rows[0][0] <= rows[1][0], "oldest first")

        // The JSON export holds the same answers.
        #expect(try Self.exported(folder.progress).compactMap { $0["answer"] as? String } == [tricky, plain])
    }
}
