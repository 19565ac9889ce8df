import Foundation

/// `/edit`: the learner's own editor on a draft, as psql's `\e` and git do it: `$VISUAL`, else
/// `$EDITOR`, run by the shell so that a value with arguments (`code -w`) works.
struct ExternalEditor {
    let command: String

    /// Nil when neither variable names an editor.
    init?(environment: [String: String]) {
        guard
            let command = [environment["VISUAL"], environment["EDITOR"]]
                .compactMap({ $0?.trimmingCharacters(in: .whitespaces) }).first(where: { !$0.isEmpty })
        else { return nil }
        self.command = command
    }

    enum Failure: Error, CustomStringConvertible {
        case couldNotStart(String)
        case exited(Int32)
        case unreadable(String)

        var description: String {
            switch self {
            case .couldNotStart(let reason): "could not start the editor: \(reason)"
            case .exited(let status): "the editor exited with status \(status)"
            case .unreadable(let reason): "could not read the edited answer: \(reason)"
            }
        }
    }

    /// Opens `draft` in the editor and returns the text it was saved as.
    func edit(_ draft: String) throws(Failure) -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("django-tutor-\(UUID().uuidString)")
        let file = folder.appendingPathComponent("answer.md")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
            try Data((draft.isEmpty ? "" : draft + "\n").utf8).write(to: file)
        } catch {
            throw .couldNotStart(error.localizedDescription)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "\(command) \"$1\"", "sh", file.path]
        do {
            try process.run()
        } catch {
            throw .couldNotStart(error.localizedDescription)
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw .exited(process.terminationStatus) }
        do {
            return try String(contentsOf: file, encoding: .utf8)
        } catch {
            throw .unreadable(error.localizedDescription)
        }
    }
}
