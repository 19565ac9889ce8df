import Foundation
import GRDB

/// Study progress in SQLite: the review log and each entry's scheduling card, per corpus.
///
/// Every rating is its own `IMMEDIATE` transaction that re-reads the card before scheduling it,
/// so a crash right after a rating loses nothing and two tutors open at once both keep all their
/// reviews (WAL lets them read while the other writes; a busy timeout lets writes queue).
/// Entries are keyed by corpus identity and entry id: an entry removed from a corpus keeps its
/// rows, unused, and picks them up again if it returns.
public struct ProgressStore: Sendable {
    /// Where the store lives: a file, or memory when no file could be used.
    public enum Location: Sendable, Equatable {
        case file(URL)
        case memory
    }

    public let location: Location
    let writer: any DatabaseWriter

    init(location: Location, writer: any DatabaseWriter) throws {
        self.location = location
        self.writer = writer
        try Self.migrator.migrate(writer)
    }

    /// A store that lives as long as the process: for tests, and the fallback when no file works.
    public static func inMemory() -> ProgressStore {
        // Migrating an empty in-memory database cannot fail short of memory exhaustion.
        try! ProgressStore(location: .memory, writer: DatabaseQueue())
    }

    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: cards and review log") { db in
            try db.execute(
                sql: """
                    CREATE TABLE card (
                        corpus TEXT NOT NULL,
                        entry INTEGER NOT NULL,
                        state TEXT NOT NULL,
                        step INTEGER,
                        stability REAL,
                        difficulty REAL,
                        due REAL NOT NULL,
                        last_review REAL,
                        reviews INTEGER NOT NULL DEFAULT 0,
                        lapses INTEGER NOT NULL DEFAULT 0,
                        PRIMARY KEY (corpus, entry)
                    );
                    CREATE TABLE review (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        corpus TEXT NOT NULL,
                        entry INTEGER NOT NULL,
                        time REAL NOT NULL,
                        rating INTEGER NOT NULL,
                        score INTEGER,
                        answer TEXT NOT NULL,
                        state_before TEXT NOT NULL,
                        -- The card as it was, so /undo can put it back.
                        card_before TEXT
                    );
                    CREATE INDEX review_by_corpus_time ON review (corpus, time);
                    """)
        }
        return migrator
    }()

    // MARK: Reading

    public func cards(corpus: String) throws -> [Int: CardRecord] {
        try writer.read { db in
            var records: [Int: CardRecord] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM card WHERE corpus = ?", arguments: [corpus]) {
                let record = try Self.cardRecord(from: row)
                records[record.entryID] = record
            }
            return records
        }
    }

    /// The review log of one corpus, or of all, oldest first.
    public func reviews(corpus: String? = nil, since: Date? = nil) throws -> [StoredReview] {
        try writer.read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let corpus {
                conditions.append("corpus = ?")
                arguments += [corpus]
            }
            if let since {
                conditions.append("time >= ?")
                arguments += [since.timeIntervalSince1970]
            }
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            return try Row.fetchAll(db, sql: "SELECT * FROM review \(filter) ORDER BY time, id", arguments: arguments)
                .map(Self.storedReview)
        }
    }

    public func reviewCount(corpus: String) throws -> Int {
        try writer.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM review WHERE corpus = ?", arguments: [corpus]) ?? 0
        }
    }

    // MARK: Writing

    /// Schedules and records one rating in a single transaction, reading the card's current state
    /// first so that a rating given in another process meanwhile is built upon, not overwritten.
    public func record(_ review: Review, corpus: String, scheduler: FSRSScheduler) throws -> (id: Int64, card: CardRecord) {
        try writer.writeWithoutTransaction { db in
            var result: (Int64, CardRecord)?
            try db.inTransaction(.immediate) {
                let existing = try Row.fetchOne(
                    db, sql: "SELECT * FROM card WHERE corpus = ? AND entry = ?", arguments: [corpus, review.entryID]
                ).map(Self.cardRecord)
                let before = existing?.card ?? .new(due: review.time)
                let after = scheduler.distinctOutcomes(of: before, at: review.time) {
                    CardRecord.fuzzGenerator(entryID: review.entryID, reviews: existing?.reviews ?? 0)
                }[review.rating]!
                let lapsed = before.state == .review && review.rating == .again
                let record = CardRecord(
                    entryID: review.entryID, card: after, reviews: (existing?.reviews ?? 0) + 1,
                    lapses: (existing?.lapses ?? 0) + (lapsed ? 1 : 0))
                try db.execute(
                    sql: """
                        INSERT INTO review (corpus, entry, time, rating, score, answer, state_before, card_before)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        corpus, review.entryID, review.time.timeIntervalSince1970, review.rating.rawValue, review.score,
                        review.answer, before.state.rawValue, try existing.map(Self.encode),
                    ])
                let id = db.lastInsertedRowID
                try Self.save(record, corpus: corpus, in: db)
                result = (id, record)
                return .commit
            }
            return result!
        }
    }

    /// Takes back a rating: deletes it from the log and restores the card as it was before,
    /// unless the card was rated again since (then nothing changes and this returns false).
    public func undo(reviewID: Int64) throws -> Bool {
        try writer.writeWithoutTransaction { db in
            var undone = false
            try db.inTransaction(.immediate) {
                guard let row = try Row.fetchOne(db, sql: "SELECT * FROM review WHERE id = ?", arguments: [reviewID]) else {
                    return .rollback
                }
                let corpus: String = row["corpus"]
                let entry: Int = row["entry"]
                let later =
                    try Int.fetchOne(
                        db, sql: "SELECT COUNT(*) FROM review WHERE corpus = ? AND entry = ? AND id > ?",
                        arguments: [corpus, entry, reviewID]) ?? 0
                guard later == 0 else { return .rollback }
                if let json: String = row["card_before"] {
                    try Self.save(try JSONDecoder().decode(CardRecord.self, from: Data(json.utf8)), corpus: corpus, in: db)
                } else {
                    try db.execute(sql: "DELETE FROM card WHERE corpus = ? AND entry = ?", arguments: [corpus, entry])
                }
                try db.execute(sql: "DELETE FROM review WHERE id = ?", arguments: [reviewID])
                undone = true
                return .commit
            }
            return undone
        }
    }

    // MARK: Rows

    private static func save(_ record: CardRecord, corpus: String, in db: Database) throws {
        let card = record.card
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO card (corpus, entry, state, step, stability, difficulty, due, last_review, reviews, lapses)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                corpus, record.entryID, card.state.rawValue, card.step, card.stability, card.difficulty,
                card.due.timeIntervalSince1970, card.lastReview?.timeIntervalSince1970, record.reviews, record.lapses,
            ])
    }

    private static func cardRecord(from row: Row) throws -> CardRecord {
        let stateName: String = row["state"]
        guard let state = CardState(rawValue: stateName) else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "unknown card state \(stateName)")
        }
        let lastReview: Double? = row["last_review"]
        let card = SchedulingCard(
            state: state, step: row["step"], stability: row["stability"], difficulty: row["difficulty"],
            due: Date(timeIntervalSince1970: row["due"]), lastReview: lastReview.map(Date.init(timeIntervalSince1970:)))
        return CardRecord(entryID: row["entry"], card: card, reviews: row["reviews"], lapses: row["lapses"])
    }

    private static func storedReview(from row: Row) throws -> StoredReview {
        let ratingValue: Int = row["rating"]
        let stateName: String = row["state_before"]
        guard let rating = Rating(rawValue: ratingValue), let state = CardState(rawValue: stateName) else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "review \(row["id"] as Int64) has an unknown rating or state")
        }
        return StoredReview(
            id: row["id"], corpus: row["corpus"], entryID: row["entry"], time: Date(timeIntervalSince1970: row["time"]),
            rating: rating, score: row["score"], answer: row["answer"], stateBefore: state)
    }

    private static func encode(_ record: CardRecord) throws -> String {
        String(decoding: try JSONEncoder().encode(record), as: UTF8.self)
    }
}
