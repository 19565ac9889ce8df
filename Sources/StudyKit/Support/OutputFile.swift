import Foundation

/// Writes a whole text to a path given on the command line (`export -o PATH`) according to what
/// is there: a new path or a regular file is replaced atomically (a temporary file beside it,
/// renamed over it), so a reader never sees half of it; a device, a FIFO or a socket is written
/// through, never replaced; a symbolic link is followed and what it points to is written as above.
/// A new file is private (0600), as the progress file it is exported from; a file replaced keeps
/// its mode.
public enum OutputFile {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// No directory to create the file in.
        case noDirectory(String)
        case isDirectory(String)
        /// Too many symbolic links (a loop).
        case linkLoop
        /// A system call failed; `reason` is the system's (`strerror`), `step` what was being done.
        case system(step: String, reason: String)

        public var description: String {
            switch self {
            case .noDirectory(let folder): "no such directory: \(folder). Create it first, or choose another path."
            case .isDirectory(let path): "it is a directory. Give a file's name, e.g. \((path as NSString).appendingPathComponent("reviews.csv"))."
            case .linkLoop: "too many symbolic links (a loop?). Give the file's own path."
            case .system(let step, let reason): "\(step): \(reason)."
            }
        }
    }

    /// What the text was written to.
    public enum Destination: Sendable, Equatable {
        /// A file created or replaced at this path (the link's target when the path was a link).
        case file(String)
        /// A device, FIFO or socket written through.
        case stream(String)
    }

    public static func write(_ data: Data, to path: String) throws(Failure) -> Destination {
        let target = try resolvingLinks(path)
        var info = stat()
        if lstat(target, &info) != 0 {
            guard errno == ENOENT else { throw .system(step: "cannot look at \(target)", reason: reason(errno)) }
            try replace(target, with: data, mode: 0o600)
            return .file(target)
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            try replace(target, with: data, mode: info.st_mode & 0o777)
            return .file(target)
        case S_IFDIR:
            throw .isDirectory(target)
        default:
            try writeThrough(target, data)
            return .stream(target)
        }
    }

    /// Follows symbolic links to the path they end at, which may not exist yet.
    static func resolvingLinks(_ path: String) throws(Failure) -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(current, &buffer, buffer.count - 1)
            guard count >= 0 else { throw .system(step: "cannot read the link \(current)", reason: reason(errno)) }
            let target = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let base = (current as NSString).deletingLastPathComponent
            current = target.hasPrefix("/") || base.isEmpty ? target : (base as NSString).appendingPathComponent(target)
        }
        throw .linkLoop
    }

    private static func folder(of path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    /// A temporary file in the same folder, written, flushed and renamed over `path`.
    private static func replace(_ path: String, with data: Data, mode: mode_t) throws(Failure) {
        let folder = folder(of: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .noDirectory(folder)
        }
        var template = Array(((folder as NSString).appendingPathComponent(".\((path as NSString).lastPathComponent).XXXXXX")).utf8CString)
        // mkstemp creates the file 0600.
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw .system(step: "cannot create a file in \(folder)", reason: reason(errno)) }
        let temporary = String(cString: template)
        do throws(Failure) {
            defer { close(descriptor) }
            try writeAll(data, to: descriptor, path: path)
            if mode != 0o600 && fchmod(descriptor, mode) != 0 { throw .system(step: "cannot set the mode of \(path)", reason: reason(errno)) }
            if fsync(descriptor) != 0 { throw .system(step: "cannot write \(path)", reason: reason(errno)) }
        } catch {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw .system(step: "cannot replace \(path)", reason: reason(code))
        }
    }

    /// Opens what is there for writing, as a shell's `>` would, without creating or truncating a file.
    private static func writeThrough(_ path: String, _ data: Data) throws(Failure) {
        let descriptor = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else { throw .system(step: "cannot open \(path)", reason: reason(errno)) }
        defer { close(descriptor) }
        try writeAll(data, to: descriptor, path: path)
    }

    private static func writeAll(_ data: Data, to descriptor: Int32, path: String) throws(Failure) {
        var offset = 0
        while offset < data.count {
            let written = data.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress! + offset, data.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw .system(step: "cannot write \(path)", reason: reason(errno))
            }
            offset += written
        }
    }

    private static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }
}
