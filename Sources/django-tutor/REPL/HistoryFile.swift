import CReadline
import Foundation
import StudyKit

/// The history file: loaded at start, appended to after every line (so a crash loses nothing),
/// and capped at `limit` lines.
struct HistoryFile {
    static let limit = 1_000
    let url: URL

    /// Prepares `directory/history` with private permissions, or returns nil (with a warning) when
    /// the directory cannot be created: the tutor then runs without saved history.
    static func prepare(in directory: URL) -> HistoryFile? {
        do {
            try AppDirectories.create(directory)
            let url = directory.appendingPathComponent("history")
            if !FileManager.default.fileExists(atPath: url.path) {
                guard FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                    throw CocoaError(.fileWriteNoPermission)
                }
            }
            return HistoryFile(url: url)
        } catch {
            Output.error("warning: history will not be saved: cannot write \(directory.path) (\(error.localizedDescription))")
            return nil
        }
    }

    func load() {
        read_history(url.path)
        history_truncate_file(url.path, Int32(Self.limit))
    }

    func append(_ line: String) {
        append_history(1, url.path)
    }

    /// Called on the way out, so a long session does not leave more than `limit` lines.
    func trim() {
        history_truncate_file(url.path, Int32(Self.limit))
    }
}
