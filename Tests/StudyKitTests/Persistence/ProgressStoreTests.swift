import Foundation
import GRDB
import Testing

@testable import StudyKit

/// A folder under the system temporary directory, removed by `remove()` (call it in a `defer`).
private struct ScratchFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("progress-store-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    var progressFile: URL { url.appendingPathComponent("progress.sqlite") }

    func contents() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}

@Suite("ProgressStore")
struct ProgressStoreTests {
    /// 2025-03-10 09:00:00 UTC: whole seconds, so dates survive the trip through SQLite exactly.
    static let start = Date(timeIntervalSince1970: 1_741_597_200)
    static let corpus = "django-technical-interview-questions"
    /// Without fuzz, so every scheduled card can be predicted.
    static let exact = FSRSScheduler(parameters: FSRSParameters(enableFuzzing: false))

    static func review(_ entry: Int, _ rating: Rating, at time: Date, answer: String = "an answer", score: Int? = 60) -> Review {
        Review(entryID: entry, rating: rating, score: score, answer: answer, time: time)
    }

    static func day(_ offset: Int) -> Date { start.addingTimeInterval(Double(offset) * 86_400) }

    /// Opens a file that must open cleanly.
    static func openFile(_ url: URL) throws -> ProgressStore {
        let opening = ProgressStore.open(at: url, now: start)
        #expect(opening.warning == nil)
        try #require(opening.store.location == .file(url))
        return opening.store
    }

    // MARK: Durability

    @Test func aRecordedReviewSurvivesReopeningTheFile() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let review = Self.review(21, .good, at: Self.start, answer: "Q objects combine filters with OR", score: 72)
        do {
            let store = try Self.openFile(folder.progressFile)
            let saved = try store.record(review, corpus: Self.corpus, scheduler: FSRSScheduler())
            #expect(saved.id > 0)
            #expect(saved.card.reviews == 1)
        }

        let reopened = try Self.openFile(folder.progressFile)
        let expected = FSRSScheduler().review(.new(due: Self.start), rating: .good, at: Self.start)
        #expect(expected.state == .learning)
        let cards = try reopened.cards(corpus: Self.corpus)
        #expect(cards.count == 1)
        let card = try #require(cards[21])
        #expect(card == CardRecord(entryID: 21, card: expected, reviews: 1, lapses: 0))
        #expect(card.card.due == Self.start.addingTimeInterval(600))

        let log = try reopened.reviews(corpus: Self.corpus)
        #expect(log.count == 1)
        let stored = try #require(log.first)
        #expect(stored.corpus == Self.corpus)
        #expect(stored.entryID == 21)
        #expect(stored.time == Self.start)
        #expect(stored.rating == .good)
        #expect(stored.score == 72)
        #expect(stored.answer == "Q objects combine filters with OR")
        #expect(stored.stateBefore == .new)
        #expect(try reopened.reviewCount(corpus: Self.corpus) == 1)
    }

    @Test func everyCardOfASequenceMatchesTheSchedulerAfterReopening() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let ratings: [Rating] = [.good, .good, .hard, .again, .easy, .good]
        var expected = SchedulingCard.new(due: Self.start)
        for (index, rating) in ratings.enumerated() {
            let time = Self.day(index * 3)
            expected = Self.exact.distinctOutcomes(of: expected, at: time) { SeededGenerator(seed: 0) }[rating]!
            // A fresh connection for every rating, as a tutor started once a day would have.
            let store = try Self.openFile(folder.progressFile)
            let saved = try store.record(Self.review(5, rating, at: time), corpus: Self.corpus, scheduler: Self.exact)
            #expect(saved.card.card == expected, "rating \(index + 1)")
        }
        let reopened = try Self.openFile(folder.progressFile)
        let card = try #require(try reopened.cards(corpus: Self.corpus)[5])
        #expect(card.card == expected)
        #expect(card.reviews == ratings.count)
        #expect(try reopened.reviews(corpus: Self.corpus).map(\.rating) == ratings)
    }

    @Test func theFileAndItsFolderArePrivate() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let nested = folder.url.appendingPathComponent("share/django-tutor")
        let url = nested.appendingPathComponent("progress.sqlite")
        let store = try Self.openFile(url)
        _ = try store.record(Self.review(1, .good, at: Self.start), corpus: Self.corpus, scheduler: FSRSScheduler())
        let fileMode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
        let folderMode = try FileManager.default.attributesOfItem(atPath: nested.path)[.posixPermissions] as? Int
        #expect(fileMode == 0o600)
        #expect(folderMode == 0o700)
    }

    // MARK: Counting

    @Test func reviewsAndLapsesAreCountedAndEightLapsesMakeALeech() throws {
        let store = ProgressStore.inMemory()
        var time = Self.start
        func rate(_ rating: Rating) throws -> CardRecord {
            time.addTimeInterval(86_400)
            return try store.record(Self.review(7, rating, at: time), corpus: Self.corpus, scheduler: FSRSScheduler()).card
        }
        // Again while new or learning is no lapse: the card had not been learnt yet.
        var card = try rate(.again)
        #expect(card.card.state == .learning)
        #expect((card.reviews, card.lapses) == (1, 0))
        card = try rate(.again)
        #expect((card.reviews, card.lapses) == (2, 0))
        card = try rate(.easy)
        #expect(card.card.state == .review)
        #expect((card.reviews, card.lapses) == (3, 0))

        for lapse in 1...CardRecord.leechThreshold {
            card = try rate(.again)
            #expect(card.card.state == .relearning)
            #expect(card.lapses == lapse)
            #expect(card.isLeech == (lapse >= 8), "lapse \(lapse)")
            // Again while relearning is no further lapse.
            if lapse == 3 {
                card = try rate(.again)
                #expect(card.card.state == .relearning)
                #expect(card.lapses == 3)
            }
            card = try rate(.good)
            #expect(card.card.state == .review)
            #expect(card.lapses == lapse)
        }
        // 3 before the lapses, 2 per lapse, 1 extra again while relearning.
        let expectedReviews = 3 + 2 * CardRecord.leechThreshold + 1
        #expect(card.reviews == expectedReviews)
        #expect(card.lapses == 8)
        #expect(card.isLeech)
        let stored = try #require(try store.cards(corpus: Self.corpus)[7])
        #expect(stored.reviews == expectedReviews)
        #expect(stored.lapses == 8)
        #expect(stored.isLeech)
        #expect(try store.reviewCount(corpus: Self.corpus) == expectedReviews)
        #expect(try store.reviews(corpus: Self.corpus).filter { $0.stateBefore == .review && $0.rating == .again }.count == 8)
    }

    @Test func sevenLapsesAreNoLeech() {
        let card = SchedulingCard.new(due: Self.start)
        #expect(!CardRecord(entryID: 1, card: card, reviews: 20, lapses: 7).isLeech)
        #expect(CardRecord(entryID: 1, card: card, reviews: 20, lapses: 8).isLeech)
        #expect(CardRecord.leechThreshold == 8)
    }

    // MARK: Undo

    @Test func undoRestoresThePreviousCardAndDeletesTheLogRow() throws {
        let store = ProgressStore.inMemory()
        let first = try store.record(Self.review(3, .good, at: Self.day(0)), corpus: Self.corpus, scheduler: Self.exact)
        let second = try store.record(Self.review(3, .again, at: Self.day(1)), corpus: Self.corpus, scheduler: Self.exact)
        #expect(second.card.reviews == 2)
        #expect(try store.cards(corpus: Self.corpus)[3] == second.card)

        #expect(try store.undo(reviewID: second.id))
        #expect(try store.cards(corpus: Self.corpus)[3] == first.card)
        #expect(try store.reviews(corpus: Self.corpus).map(\.id) == [first.id])

        // Undoing the first rating leaves the entry as if never reviewed.
        #expect(try store.undo(reviewID: first.id))
        #expect(try store.cards(corpus: Self.corpus).isEmpty)
        #expect(try store.reviews().isEmpty)

        // Already undone, or never there: nothing to do.
        #expect(try store.undo(reviewID: first.id) == false)
        #expect(try store.undo(reviewID: 999) == false)
    }

    @Test func undoRefusesWhenTheEntryWasRatedAgainAfter() throws {
        let store = ProgressStore.inMemory()
        let first = try store.record(Self.review(3, .good, at: Self.day(0)), corpus: Self.corpus, scheduler: Self.exact)
        let second = try store.record(Self.review(3, .easy, at: Self.day(1)), corpus: Self.corpus, scheduler: Self.exact)
        let cardsBefore = try store.cards(corpus: Self.corpus)
        let logBefore = try store.reviews()

        #expect(try store.undo(reviewID: first.id) == false)
        #expect(try store.cards(corpus: Self.corpus) == cardsBefore)
        #expect(try store.cards(corpus: Self.corpus)[3] == second.card)
        #expect(try store.reviews() == logBefore)
        #expect(logBefore.count == 2)
    }

    @Test func undoIsNotBlockedByOtherEntriesOrOtherCorpora() throws {
        let store = ProgressStore.inMemory()
        let rating = try store.record(Self.review(3, .good, at: Self.day(0)), corpus: Self.corpus, scheduler: Self.exact)
        let otherEntry = try store.record(Self.review(4, .good, at: Self.day(1)), corpus: Self.corpus, scheduler: Self.exact)
        let otherCorpus = try store.record(Self.review(3, .good, at: Self.day(1)), corpus: "flask", scheduler: Self.exact)

        #expect(try store.undo(reviewID: rating.id))
        #expect(try store.cards(corpus: Self.corpus)[3] == nil)
        #expect(try store.cards(corpus: Self.corpus)[4] == otherEntry.card)
        #expect(try store.cards(corpus: "flask")[3] == otherCorpus.card)
        #expect(try store.reviews().map(\.id) == [otherEntry.id, otherCorpus.id])
    }

    // MARK: Corpora

    @Test func eachCorpusKeepsItsOwnProgress() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        do {
            let store = try Self.openFile(folder.progressFile)
            _ = try store.record(Self.review(5, .good, at: Self.day(0), answer: "django"), corpus: Self.corpus, scheduler: Self.exact)
            _ = try store.record(Self.review(5, .good, at: Self.day(1), answer: "django"), corpus: Self.corpus, scheduler: Self.exact)
            _ = try store.record(Self.review(5, .again, at: Self.day(2), answer: "flask"), corpus: "flask-questions", scheduler: Self.exact)
            _ = try store.record(Self.review(9, .easy, at: Self.day(3), answer: "flask"), corpus: "flask-questions", scheduler: Self.exact)
        }
        let store = try Self.openFile(folder.progressFile)

        let django = try store.cards(corpus: Self.corpus)
        #expect(Set(django.keys) == [5])
        #expect(django[5]?.reviews == 2)
        let expectedDjango = Self.exact.review(
            Self.exact.review(.new(due: Self.day(0)), rating: .good, at: Self.day(0)), rating: .good, at: Self.day(1))
        #expect(django[5]?.card == expectedDjango)

        let flask = try store.cards(corpus: "flask-questions")
        #expect(Set(flask.keys) == [5, 9])
        #expect(flask[5]?.reviews == 1)
        #expect(flask[5]?.card == Self.exact.review(.new(due: Self.day(2)), rating: .again, at: Self.day(2)))
        #expect(flask[9]?.card.state == .review)

        #expect(try store.cards(corpus: "no-such-corpus").isEmpty)
        #expect(try store.reviewCount(corpus: Self.corpus) == 2)
        #expect(try store.reviewCount(corpus: "flask-questions") == 2)
        #expect(try store.reviews(corpus: Self.corpus).allSatisfy { $0.answer == "django" && $0.corpus == Self.corpus })
        #expect(try store.reviews(corpus: "flask-questions").map(\.entryID) == [5, 9])
        #expect(try store.reviews().map(\.corpus) == [Self.corpus, Self.corpus, "flask-questions", "flask-questions"])
        #expect(try store.reviews(corpus: "flask-questions", since: Self.day(3)).map(\.entryID) == [9])
    }

    // MARK: Two tutors at once

    @Test func twoStoresOnOneFileBuildOnEachOthersRatings() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        // Two opens, two connection pools: as two processes would have.
        let first = try Self.openFile(folder.progressFile)
        let second = try Self.openFile(folder.progressFile)
        var expected = SchedulingCard.new(due: Self.start)
        for index in 0..<10 {
            let store = index.isMultiple(of: 2) ? first : second
            let time = Self.day(index)
            let rating: Rating = index == 4 ? .again : .good
            expected = Self.exact.distinctOutcomes(of: expected, at: time) { SeededGenerator(seed: 0) }[rating]!
            let saved = try store.record(Self.review(12, rating, at: time, answer: "answer \(index)"), corpus: Self.corpus, scheduler: Self.exact)
            #expect(saved.card.reviews == index + 1, "each rating sees the other store's ratings")
            #expect(saved.card.card == expected)
        }
        for store in [first, second] {
            let card = try #require(try store.cards(corpus: Self.corpus)[12])
            #expect(card.reviews == 10)
            #expect(card.card == expected)
            #expect(try store.reviews(corpus: Self.corpus).map(\.answer) == (0..<10).map { "answer \($0)" })
        }
    }

    @Test func twoStoresWritingConcurrentlyKeepEveryReview() async throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let stores = [try Self.openFile(folder.progressFile), try Self.openFile(folder.progressFile)]
        let perStore = 40
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, store) in stores.enumerated() {
                group.addTask {
                    for step in 0..<perStore {
                        let time = Self.start.addingTimeInterval(Double(step * 2 + index))
                        // Every rating on the shared entry 1, and every other one on an own entry too.
                        _ = try store.record(
                            Self.review(1, .good, at: time, answer: "store \(index) rating \(step)"),
                            corpus: Self.corpus, scheduler: FSRSScheduler())
                        if step.isMultiple(of: 2) {
                            _ = try store.record(
                                Self.review(100 + index, .hard, at: time, answer: "own \(index)"),
                                corpus: Self.corpus, scheduler: FSRSScheduler())
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        let reopened = try Self.openFile(folder.progressFile)
        let log = try reopened.reviews(corpus: Self.corpus)
        #expect(log.count == 2 * perStore + perStore)
        #expect(Set(log.map(\.answer)).count == 2 * perStore + 2)
        let cards = try reopened.cards(corpus: Self.corpus)
        #expect(cards[1]?.reviews == 2 * perStore)
        #expect(cards[100]?.reviews == perStore / 2)
        #expect(cards[101]?.reviews == perStore / 2)
        #expect(log.filter { $0.entryID == 1 && $0.stateBefore == .new }.count == 1, "only the very first rating found the card new")
    }

    /// Two tutors creating a new progress file at the same moment must both end up using it.
    /// GRDB's migrator serialises only within one pool, and `PRAGMA journal_mode = WAL` on a new
    /// file does not wait on the busy timeout; without the lock `openFile` holds, one of the two
    /// failed ("table card already exists", "database is locked") in about 1 round in 10 and fell
    /// back to memory, losing that tutor's reviews.
    @Test func twoTutorsCreatingTheFileAtOnceBothUseIt() async throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        for round in 0..<40 {
            let url = folder.url.appendingPathComponent("round-\(round)/progress.sqlite")
            let openings = await withTaskGroup(of: ProgressStore.Opening.self) { group in
                for _ in 0..<2 { group.addTask { ProgressStore.open(at: url, now: Self.start) } }
                return await group.reduce(into: []) { $0.append($1) }
            }
            for opening in openings {
                #expect(opening.warning == nil, "round \(round)")
                #expect(opening.store.location == .file(url), "round \(round)")
            }
        }
    }

    // MARK: Damaged files

    static let asideName = "progress.sqlite.corrupt-20250310T090000Z"

    fileprivate func expectMovedAside(_ folder: ScratchFolder, original: Data) throws {
        let opening = ProgressStore.open(at: folder.progressFile, now: Self.start)
        let warning = try #require(opening.warning)
        #expect(warning.hasPrefix("warning: \(folder.progressFile.path) could not be read ("))
        #expect(warning.contains("moved it to \(Self.asideName)"))
        #expect(warning.hasSuffix("and started a fresh progress file."))
        #expect(opening.store.location == .file(folder.progressFile))
        let aside = folder.url.appendingPathComponent(Self.asideName)
        let kept = try Data(contentsOf: aside)
        #expect(kept.count >= original.count)
        let keptAsItWas = kept == original
        #expect(keptAsItWas, "the damaged file is kept as it was (\(original.count) bytes, kept \(kept.count))")
        // Only one file moved aside (with its -wal and -shm, if it had them).
        #expect(try folder.contents().filter { $0.contains(".corrupt-") && !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") } == [Self.asideName])

        // The fresh store works, and keeps what it is given.
        _ = try opening.store.record(Self.review(2, .good, at: Self.start), corpus: Self.corpus, scheduler: FSRSScheduler())
        let reopened = try Self.openFile(folder.progressFile)
        #expect(try reopened.reviewCount(corpus: Self.corpus) == 1)
        #expect(try reopened.cards(corpus: Self.corpus)[2]?.reviews == 1)
    }

    @Test func randomBytesAreMovedAsideAndAFreshStoreStarts() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        var generator = SeededGenerator(seed: 4096)
        let garbage = Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) })
        try garbage.write(to: folder.progressFile)
        try expectMovedAside(folder, original: garbage)
    }

    @Test func aTextFileIsMovedAsideAndAFreshStoreStarts() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let text = Data(String(repeating: "These are my notes, not a database.\n", count: 40).utf8)
        try text.write(to: folder.progressFile)
        try expectMovedAside(folder, original: text)
    }

    /// A damaged database is moved aside exactly as it was. Opening a GRDB pool writes to the file
    /// (its WAL set-up creates and drops a table), so the checks must run on a read-only
    /// connection first: a copy kept for recovery must not be altered, and writing into a damaged
    /// b-tree can make the damage worse.
    @Test func aDatabaseWithDamagedPagesIsMovedAsideUntouched() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        do {
            let store = try Self.openFile(folder.progressFile)
            for entry in 1...30 {
                _ = try store.record(
                    Self.review(entry, .good, at: Self.start, answer: String(repeating: "long answer ", count: 40)),
                    corpus: Self.corpus, scheduler: FSRSScheduler())
            }
        }
        // Closed cleanly: everything is in the main file. Overwrite all but the first page.
        var bytes = try Data(contentsOf: folder.progressFile)
        try #require(bytes.count > 8192)
        #expect(!FileManager.default.fileExists(atPath: folder.progressFile.path + "-wal"))
        var generator = SeededGenerator(seed: 7)
        for index in 4096..<bytes.count { bytes[index] = UInt8.random(in: 0...255, using: &generator) }
        try bytes.write(to: folder.progressFile)
        try expectMovedAside(folder, original: bytes)
    }

    // MARK: Unusable locations

    @Test func aLocationUnderARegularFileKeepsProgressInMemory() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let blocker = folder.url.appendingPathComponent("file.txt")
        try Data("not a folder\n".utf8).write(to: blocker)
        let url = blocker.appendingPathComponent("progress.sqlite")

        let opening = ProgressStore.open(at: url, now: Self.start)
        #expect(opening.store.location == .memory)
        let warning = try #require(opening.warning)
        #expect(!warning.contains("\n"), "one line")
        #expect(warning.hasPrefix("warning: progress will not be saved: cannot create \(blocker.path) ("))
        #expect(warning.hasSuffix("It is kept in memory for this session."))
        #expect(warning.contains("kept in memory"))

        // The in-memory store works like a file.
        let saved = try opening.store.record(Self.review(8, .good, at: Self.start), corpus: Self.corpus, scheduler: Self.exact)
        #expect(try opening.store.cards(corpus: Self.corpus)[8] == saved.card)
        #expect(try opening.store.reviewCount(corpus: Self.corpus) == 1)
        #expect(try Data(contentsOf: blocker) == Data("not a folder\n".utf8))
        #expect(try folder.contents() == ["file.txt"])
    }

    /// The warning gives the system's reason ("Not a directory"). On Linux Foundation stores a
    /// `POSIXError` as the underlying error, which a cast to `NSError` misses, leaving only
    /// "NSCocoaErrorDomain error 512".
    @Test func aLocationBelowARegularFileSaysWhyInTheWarning() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let blocker = folder.url.appendingPathComponent("file.txt")
        try Data("not a folder\n".utf8).write(to: blocker)
        let url = blocker.appendingPathComponent("django-tutor/progress.sqlite")

        let opening = ProgressStore.open(at: url, now: Self.start)
        #expect(opening.store.location == .memory)
        let warning = try #require(opening.warning)
        #expect(warning.hasPrefix("warning: progress will not be saved: cannot create \(blocker.path)/django-tutor ("))
        #expect(warning.hasSuffix("It is kept in memory for this session."))
        #expect(warning.contains("(Not a directory)"), "the system's reason: \(warning)")
        #expect(try folder.contents() == ["file.txt"])
    }

    @Test func aFolderWhereTheFileShouldBeKeepsProgressInMemory() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(at: folder.progressFile, withIntermediateDirectories: false)

        let opening = ProgressStore.open(at: folder.progressFile, now: Self.start)
        #expect(opening.store.location == .memory)
        let warning = try #require(opening.warning)
        #expect(warning.contains("progress will not be saved"))
        #expect(warning.contains("kept in memory"))
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: folder.progressFile.path, isDirectory: &isFolder) && isFolder.boolValue)
        #expect(try folder.contents().filter { $0.contains(".corrupt-") }.isEmpty, "nothing moved aside")
    }

    /// A file from a newer tutor is left byte for byte as it was (the version check runs on a
    /// read-only connection, before a pool could write to it), and progress is kept in memory.
    @Test func aDatabaseFromANewerTutorIsLeftAloneAndProgressIsKeptInMemory() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        do {
            let store = try Self.openFile(folder.progressFile)
            _ = try store.record(Self.review(4, .good, at: Self.start), corpus: Self.corpus, scheduler: FSRSScheduler())
        }
        do {
            let queue = try DatabaseQueue(path: folder.progressFile.path)
            try queue.write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9: future')")
            }
            try queue.close()
        }
        let contentsBefore = try folder.contents()
        let bytesBefore = try Data(contentsOf: folder.progressFile)

        let opening = ProgressStore.open(at: folder.progressFile, now: Self.start)
        #expect(opening.store.location == .memory)
        let warning = try #require(opening.warning)
        #expect(
            warning == "warning: progress will not be saved: \(folder.progressFile.path) was written by a newer django-tutor. "
                + "It is kept in memory for this session.")
        #expect(try opening.store.reviewCount(corpus: Self.corpus) == 0)
        _ = try opening.store.record(Self.review(4, .again, at: Self.day(1)), corpus: Self.corpus, scheduler: FSRSScheduler())

        #expect(try folder.contents().filter { $0.contains(".corrupt-") }.isEmpty, "not moved aside")
        #expect(Set(try folder.contents()).isSuperset(of: contentsBefore))
        let bytesAfter = try Data(contentsOf: folder.progressFile)
        let unmodified = bytesAfter == bytesBefore
        #expect(unmodified, "not modified (\(bytesBefore.count) bytes before, \(bytesAfter.count) after)")
        let queue = try DatabaseQueue(path: folder.progressFile.path)
        let (count, migrations) = try queue.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM review"),
                try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
            )
        }
        #expect(count == 1)
        #expect(migrations == ["v1: cards and review log", "v9: future"])
    }
}

@Suite("AppDirectories")
struct AppDirectoriesTests {
    @Test func xdgVariablesChooseTheFolders() {
        let directories = AppDirectories(
            environment: ["XDG_DATA_HOME": "/data", "XDG_STATE_HOME": "/state", "HOME": "/home/learner"],
            home: URL(fileURLWithPath: "/home/learner"))
        #expect(directories.data.path == "/data/django-tutor")
        #expect(directories.state.path == "/state/django-tutor")
    }

    @Test func relativeXDGPathsAreIgnored() {
        let directories = AppDirectories(environment: ["XDG_DATA_HOME": "data"], home: URL(fileURLWithPath: "/home/learner"))
        #expect(directories.data.path == "/home/learner/.local/share/django-tutor")
        #expect(directories.state.path == "/home/learner/.local/state/django-tutor")
    }

    /// Without `XDG_*_HOME` the folders are under `$HOME`. `FileManager`'s home directory on Linux
    /// is the password database's, so relying on it would write into the account's real home
    /// when `HOME` points elsewhere (as tests and sandboxes do).
    @Test func withoutXDGDataHomeTheFoldersAreUnderHOME() {
        let directories = AppDirectories(environment: ["HOME": "/dev/null"])
        #expect(directories.data.path == "/dev/null/.local/share/django-tutor")
        #expect(directories.state.path == "/dev/null/.local/state/django-tutor")
    }
}
