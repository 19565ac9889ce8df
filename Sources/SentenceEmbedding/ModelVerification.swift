import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Remembers that a model file was found to match its checksum, with the file's identity at the
/// time (device, inode, size, modification and change times to the nanosecond), so that a start
/// hashes the 34 MB again only when the file has changed since: hashing costs about 5 ms, more
/// than a one-shot `ask` can spare. Any write to the file (a re-conversion, a damaged copy, 400 KB
/// overwritten) changes its change time, which no user tool can set back, and so is verified anew.
///
/// One small file per model path in a directory of the caller's choosing (the tutor's cache),
/// private to the user; a record that cannot be read or written only costs the next start its
/// hashing.
struct ModelVerification {
    let record: URL
    let identity: String

    /// Nil when the file cannot be stat'ed (it is then verified, and nothing is remembered).
    init?(of model: URL, in directory: URL) {
        var status = stat()
        guard stat(model.path, &status) == 0 else { return nil }
        record = directory.appendingPathComponent("model-\(XXHash64.hex(XXHash64.hash(Data(model.path.utf8)))).verified")
        #if canImport(Darwin)
            let (modified, changed) = (status.st_mtimespec, status.st_ctimespec)
        #else
            let (modified, changed) = (status.st_mtim, status.st_ctim)
        #endif
        identity = [
            UInt64(status.st_dev), UInt64(status.st_ino), UInt64(status.st_size),
            UInt64(modified.tv_sec), UInt64(modified.tv_nsec), UInt64(changed.tv_sec), UInt64(changed.tv_nsec),
        ].map { String($0) }.joined(separator: " ")
    }

    /// The line a record holds: the identity, then the checksum the file was found to match.
    private func line(_ checksum: UInt64) -> String { "\(identity) \(XXHash64.hex(checksum))\n" }

    /// Whether this very file was found to match `checksum`, the one its header holds now.
    func remembers(_ checksum: UInt64) -> Bool {
        guard let data = try? Data(contentsOf: record), data.count < 512 else { return false }
        return String(decoding: data, as: UTF8.self) == line(checksum)
    }

    func remember(_ checksum: UInt64) {
        let manager = FileManager.default
        try? manager.createDirectory(at: record.deletingLastPathComponent(), withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let temporary = record.path + ".\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return }
        let bytes = Array(line(checksum).utf8)
        let written = write(descriptor, bytes, bytes.count)
        close(descriptor)
        guard written == bytes.count, rename(temporary, record.path) == 0 else {
            unlink(temporary)
            return
        }
    }
}
