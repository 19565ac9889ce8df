import Foundation

/// Where the tutor keeps its files, following the XDG Base Directory specification.
public struct AppDirectories: Sendable, Equatable {
    /// History: `$XDG_STATE_HOME/django-tutor`, default `~/.local/state/django-tutor`.
    public let state: URL
    /// Study progress: `$XDG_DATA_HOME/django-tutor`, default `~/.local/share/django-tutor`.
    public let data: URL
    /// Files that can be recomputed (entry vectors): `$XDG_CACHE_HOME/django-tutor`, default `~/.cache/django-tutor`.
    public let cache: URL

    /// - Parameter home: defaults to `$HOME` when it is an absolute path, else the account's home.
    public init(environment: [String: String], home: URL? = nil) {
        let home =
            home
            ?? environment["HOME"].flatMap { $0.hasPrefix("/") ? URL(fileURLWithPath: $0) : nil }
            ?? FileManager.default.homeDirectoryForCurrentUser
        state = Self.directory(environment["XDG_STATE_HOME"], fallback: home.appendingPathComponent(".local/state"))
        data = Self.directory(environment["XDG_DATA_HOME"], fallback: home.appendingPathComponent(".local/share"))
        cache = Self.directory(environment["XDG_CACHE_HOME"], fallback: home.appendingPathComponent(".cache"))
    }

    /// The spec says relative paths in these variables are invalid and must be ignored.
    private static func directory(_ value: String?, fallback: URL) -> URL {
        let base = value.flatMap { $0.hasPrefix("/") ? URL(fileURLWithPath: $0) : nil } ?? fallback
        return base.appendingPathComponent("django-tutor")
    }

    /// Creates `directory` (and parents) readable by the owner only.
    public static func create(_ directory: URL) throws {
        try FileManager.default.createDirectory(
            at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }
}
