import Foundation
import GRDB

extension ProgressStore {
    /// The outcome of opening the progress file: a usable store, always, and what to tell the
    /// learner when it is not the file they expect.
    public struct Opening: Sendable {
        public let store: ProgressStore
        /// One message for standard error, or nil when the file opened as it should.
        public let warning: String?
    }

    /// Opens or creates the store at `url`. Never fails and never crashes: an unreadable file is
    /// moved aside and replaced by a fresh one; a location that cannot be written, or a file
    /// from a newer version of the tutor, leaves progress in memory for this session (a file that
    /// can be read but not written is read first, so what it holds is there). A path that is not a
    /// regular file (`/dev/null`, a directory) is never opened, so nothing is created beside it.
    public static func open(at url: URL, now: Date = Date()) -> Opening {
        if let kind = nonRegularKind(url.path) {
            return Opening(
                store: inMemory(),
                warning: memoryOnly("\(url.path) is \(kind), not a file (give the path of a progress file, or of one to create)"))
        }
        let directory = url.deletingLastPathComponent()
        do {
            try AppDirectories.create(directory)
        } catch {
            return Opening(store: inMemory(), warning: memoryOnly("cannot create \(directory.path) (\(reason(error)))"))
        }
        do {
            return Opening(store: try openFile(url), warning: nil)
        } catch OpeningProblem.newerVersion {
            return Opening(store: inMemory(), warning: memoryOnly("\(url.path) was written by a newer django-tutor"))
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
            let aside = URL(fileURLWithPath: url.path + ".corrupt-" + timestamp(now))
            do {
                try moveAside(url, to: aside)
                let store = try openFile(url)
                return Opening(
                    store: store,
                    warning: "warning: \(url.path) could not be read (\(error.message ?? "corrupt")); "
                        + "moved it to \(aside.lastPathComponent) and started a fresh progress file.")
            } catch {
                return Opening(store: inMemory(), warning: memoryOnly("\(url.path) is unreadable and could not be moved aside (\(reason(error)))"))
            }
        } catch {
            let problem = "cannot open \(url.path) (\(reason(error)))"
            do {
                guard let copy = try readOnlyCopy(url) else { return Opening(store: inMemory(), warning: memoryOnly(problem)) }
                return Opening(
                    store: copy,
                    warning: "warning: new ratings will not be saved: \(problem). "
                        + "The progress in it was read; new ratings are kept in memory for this session.")
            } catch OpeningProblem.newerVersion {
                return Opening(store: inMemory(), warning: memoryOnly("\(url.path) was written by a newer django-tutor"))
            } catch {
                return Opening(store: inMemory(), warning: memoryOnly(problem))
            }
        }
    }

    /// "a character device", when `path` exists and is not a regular file (after links).
    static func nonRegularKind(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "a directory"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFIFO: return "a FIFO"
        case S_IFSOCK: return "a socket"
        default: return "not a regular file"
        }
    }

    /// The file's progress copied into memory, for a file that can be read but not written (a
    /// read-only folder or file system); nil when there is no file. Migrations run on the copy.
    private static func readOnlyCopy(_ url: URL) throws -> ProgressStore? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let source = try readOnlyQueue(url)
        defer { try? source.close() }
        try check(source)
        let memory = try DatabaseQueue()
        try source.backup(to: memory)
        return try ProgressStore(location: .memory, writer: memory)
    }

    /// A read-only connection. A file in WAL mode needs its `-shm` file, which a read-only folder
    /// cannot hold: then the file is opened as immutable, which SQLite reads without one.
    private static func readOnlyQueue(_ url: URL) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        do {
            let queue = try DatabaseQueue(path: url.path, configuration: configuration)
            _ = try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master") }
            return queue
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CANTOPEN || error.resultCode == .SQLITE_READONLY {
            let path = url.path.addingPercentEncoding(withAllowedCharacters: uriPathCharacters) ?? url.path
            return try DatabaseQueue(path: "file:\(path)?immutable=1", configuration: configuration)
        }
    }

    private static let uriPathCharacters = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/")

    enum OpeningProblem: Error {
        case newerVersion
    }

    /// Checks the file through a read-only connection before anything may write to it (opening a
    /// pool in WAL mode writes), then opens and migrates it while holding an exclusive lock, so two
    /// tutors creating the file at the same moment take turns instead of both migrating it.
    private static func openFile(_ url: URL) throws -> ProgressStore {
        let lock = try FileLock(URL(fileURLWithPath: url.path + ".lock"))
        defer { lock.release() }
        if !FileManager.default.fileExists(atPath: url.path) {
            // SQLite gives its -wal and -shm files the database file's permissions: keep all private.
            _ = FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        try check(url)
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        return try ProgressStore(location: .file(url), writer: try DatabasePool(path: url.path, configuration: configuration))
    }

    private static func check(_ url: URL) throws {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        let queue = try DatabaseQueue(path: url.path, configuration: configuration)
        defer { try? queue.close() }
        try check(queue)
    }

    private static func check(_ queue: DatabaseQueue) throws {
        let result = try queue.read { db in try String.fetchOne(db, sql: "PRAGMA quick_check") }
        if result != "ok" {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: result ?? "integrity check failed")
        }
        if try queue.read({ try migrator.hasBeenSuperseded($0) }) { throw OpeningProblem.newerVersion }
    }

    private static func moveAside(_ url: URL, to aside: URL) throws {
        try FileManager.default.moveItem(at: url, to: aside)
        for suffix in ["-wal", "-shm"] {
            let companion = URL(fileURLWithPath: url.path + suffix)
            if FileManager.default.fileExists(atPath: companion.path) {
                try FileManager.default.moveItem(at: companion, to: URL(fileURLWithPath: aside.path + suffix))
            }
        }
    }

    private static func memoryOnly(_ problem: String) -> String {
        "warning: progress will not be saved: \(problem). It is kept in memory for this session."
    }

    private static func reason(_ error: Error) -> String {
        if let database = error as? DatabaseError { return database.message ?? "\(database.resultCode)" }
        return SystemError.reason(error)
    }

    private static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: date)
    }
}
