import Foundation

/// Reads a whole file, of any kind (regular file, pipe, FIFO, device, `/proc` file), but never
/// more than `limit` bytes: a file's reported size cannot be trusted (`/proc` says 0, a pipe has
/// none), so the limit is enforced on what is actually read.
public struct BoundedFileReader: Sendable {
    public enum Failure: Error, Equatable {
        /// `open` or `read` failed; the reason is the system's (`strerror`).
        case unreadable(reason: String)
        case tooLarge(limit: Int)
    }

    public let limit: Int

    public init(limit: Int) { self.limit = limit }

    public func read(_ path: String) throws(Failure) -> Data {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(reason: Self.reason(errno)) }
        defer { close(descriptor) }
        var data = Data()
        let chunkSize = 1 << 16
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, chunkSize) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(reason: Self.reason(errno))
            }
            if count == 0 { return data }
            guard data.count + count <= limit else { throw .tooLarge(limit: limit) }
            data.append(contentsOf: chunk[0..<count])
        }
    }

    /// `268435456` as `256 MB`.
    public static func describe(bytes: Int) -> String {
        bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? "\(bytes >> 20) MB" : "\(bytes) bytes"
    }

    private static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }
}
