import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One cache's directory of files named by a fingerprint of what they hold (`NAME.EXTENSION`),
/// each starting with a `CacheFileHeader`: read only when every check passes, written atomically,
/// and few.
///
/// The directory and its files are the user's alone (0700, 0600), as the progress database is. A
/// file is written under a temporary name and renamed, so a reader never sees half of one; a
/// temporary left by a write that was killed is removed by the next write, and only the
/// `keptFiles` most recently used files are kept (each edit of a corpus leaves one).
struct CacheDirectory: Sendable {
    let directory: URL
    let fileExtension: String
    /// What the files hold, for messages: "the entry vectors" (… "are computed again").
    let contents: String
    /// What is done without a file: "are computed again".
    let instead: String
    let keptFiles: Int

    /// A temporary file older than this is left from a write that never finished: a write takes
    /// well under a second.
    static let staleAge: TimeInterval = 600
    /// What a temporary file's name starts with: ours, and Foundation's atomic write's (which
    /// earlier versions used).
    static let temporaryPrefix = ".tmp."
    static let foundationTemporaryPrefix = ".dat.nosync"

    /// What a look for a file found.
    enum Read {
        /// The contents, their header and checksum checked.
        case found(Data)
        case miss
        /// A sentence that names the file and says what is wrong.
        case refused(String)
    }

    func url(named name: String) -> URL {
        directory.appendingPathComponent("\(name).\(fileExtension)")
    }

    /// The contents of the file `name`, if it is a regular file that `header` describes whole.
    func read(named name: String, header: CacheFileHeader) -> Read {
        let path = url(named: name).path
        // Non-blocking, so that a FIFO put in the file's place cannot hang the start.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let error = errno
            return error == ENOENT ? .miss : .refused(problem(error, reading: path))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .refused(problem(errno, reading: path)) }
        guard status.st_mode & S_IFMT == S_IFREG else { return .refused("\(path): not a regular file; \(contents) \(instead)") }
        do throws(CacheFileRefusal) {
            let size = Int(status.st_size)
            guard size >= CacheFileHeader.size else {
                throw CacheFileRefusal(description: "the file is \(size) bytes, shorter than a header")
            }
            // The header first: the size it promises is checked before the rest is read.
            guard let headerBytes = readExactly(CacheFileHeader.size, from: descriptor) else { return .refused(problem(errno, reading: path)) }
            let described = try header.contents(describedBy: headerBytes, fileSize: size)
            guard
                let data = mapped(described.count, after: CacheFileHeader.size, fileSize: size, from: descriptor)
                    ?? readExactly(described.count, from: descriptor)
            else { return .refused(problem(errno, reading: path)) }
            try CacheFileHeader.check(data, against: described.checksum)
            // Marked as used: eviction keeps the most recently used files.
            _ = futimens(descriptor, nil)
            return .found(data)
        } catch {
            return .refused(refusal(error, of: path))
        }
    }

    /// The sentence for a file whose contents were refused after they were read.
    func refusal(_ refusal: CacheFileRefusal, of path: String) -> String {
        "\(path): refused (\(refusal)); \(contents) \(instead)"
    }

    /// Writes `file` as `name`, then removes temporaries left by killed writes and the files used
    /// least recently past `keptFiles`. A cache that cannot be written only costs the next start
    /// its time, so the caller may only warn.
    func write(_ file: Data, named name: String) throws(CacheWriteFailure) {
        do {
            try AppDirectories.create(directory)
        } catch {
            throw CacheWriteFailure(description: "cannot create \(directory.path) (\(SystemError.reason(error)))")
        }
        makePrivate(directory.path)
        let target = url(named: name)
        let temporary = directory.appendingPathComponent(
            "\(Self.temporaryPrefix)\(target.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max))"
        ).path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw CacheWriteFailure(description: problem(errno, writing: directory.path)) }
        let written = file.withUnsafeBytes { writeAll($0, to: descriptor) }
        let writeError = errno
        close(descriptor)
        guard written else {
            unlink(temporary)
            throw CacheWriteFailure(description: problem(writeError, writing: directory.path))
        }
        guard rename(temporary, target.path) == 0 else {
            let error = errno
            unlink(temporary)
            throw CacheWriteFailure(description: problem(error, writing: directory.path))
        }
        tidy(keeping: target.lastPathComponent)
    }

    /// Removes temporaries older than `staleAge` and the files past the `keptFiles` most recently
    /// used (never `kept`, the file just written). Failures cost only disk space.
    func tidy(keeping kept: String, now: Date = Date()) {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: directory.path) else { return }
        func modified(_ name: String) -> Date? {
            (try? manager.attributesOfItem(atPath: directory.appendingPathComponent(name).path))?[.modificationDate] as? Date
        }
        for name in names where name.hasPrefix(Self.temporaryPrefix) || name.hasPrefix(Self.foundationTemporaryPrefix) {
            if let date = modified(name), now.timeIntervalSince(date) > Self.staleAge {
                try? manager.removeItem(at: directory.appendingPathComponent(name))
            }
        }
        let files = names.filter { $0.hasSuffix(".\(fileExtension)") && $0 != kept }.compactMap { name in modified(name).map { (name, $0) } }
        for (name, _) in files.sorted(by: { $0.1 > $1.1 }).dropFirst(keptFiles - 1) {
            try? manager.removeItem(at: directory.appendingPathComponent(name))
        }
    }

    /// Takes group and others' permissions away from a directory that has them (one an earlier
    /// version created); never adds any.
    private func makePrivate(_ path: String) {
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & 0o077 != 0, status.st_uid == getuid() else { return }
        _ = chmod(path, status.st_mode & 0o700)
    }

    func problem(_ error: Int32, reading path: String) -> String {
        guard error != 0 else { return "cannot read \(path) (it ended early); \(contents) \(instead)" }
        guard error == EACCES || error == EPERM else {
            return "cannot read \(path) (\(String(cString: strerror(error)))); \(contents) \(instead)"
        }
        return "cannot read \(path): permission denied; \(advice)"
    }

    func problem(_ error: Int32, writing path: String) -> String {
        guard error == EACCES || error == EPERM else {
            return "cannot write in \(path) (\(String(cString: strerror(error))))"
        }
        return "cannot write in \(path): permission denied; \(advice)"
    }

    private var advice: String {
        "give yourself access to it (chmod -R u+rwX \(directory.path)), or remove it"
    }
}

/// Why a cache file could not be written, in words that say what to do.
public struct CacheWriteFailure: Error, Equatable, Sendable, CustomStringConvertible {
    public let description: String
}

/// The `count` bytes after the first `offset` of the file, mapped rather than read: a large
/// corpus's vectors are tens of megabytes, which a read copies into fresh memory only for them to
/// be copied again into the vectors. The mapping holds because a cache file is only ever replaced
/// whole (renamed over), never cut in place. Nil where the file cannot be mapped.
private func mapped(_ count: Int, after offset: Int, fileSize: Int, from descriptor: Int32) -> Data? {
    #if os(Linux)
        let flags = MAP_PRIVATE | MAP_POPULATE
    #else
        let flags = MAP_PRIVATE
    #endif
    guard fileSize == offset + count, let base = mmap(nil, fileSize, PROT_READ, flags, descriptor, 0), base != MAP_FAILED else { return nil }
    return Data(bytesNoCopy: base + offset, count: count, deallocator: .custom { _, _ in munmap(base, fileSize) })
}

/// Reads `count` bytes, or nil (with `errno` set, or 0 at an early end of file).
private func readExactly(_ count: Int, from descriptor: Int32) -> Data? {
    var data = Data(count: count)
    let complete = data.withUnsafeMutableBytes { buffer -> Bool in
        var done = 0
        while done < count {
            let got = read(descriptor, buffer.baseAddress! + done, count - done)
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else {
                if got == 0 { errno = 0 }
                return false
            }
            done += got
        }
        return true
    }
    return complete ? data : nil
}

private func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Bool {
    var done = 0
    while done < bytes.count {
        let wrote = write(descriptor, bytes.baseAddress! + done, bytes.count - done)
        if wrote < 0 && errno == EINTR { continue }
        guard wrote > 0 else { return false }
        done += wrote
    }
    return true
}
