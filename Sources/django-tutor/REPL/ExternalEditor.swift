import CReadline
import Foundation

/// `/edit`: the learner's own editor on a draft, as psql's `\e` and git do it: `$VISUAL`, else
/// `$EDITOR`, run by the shell so that a value with arguments (`code -w`) works.
///
/// The editor is spawned in the tutor's own process group, which has the terminal: Foundation's
/// `Process` would start it in a group of its own, where reading the terminal stops it. It starts
/// with default signal actions and nothing blocked (the tutor ignores SIGPIPE and blocks the
/// signals that end it), and while it runs Ctrl-C and Ctrl-\ are its alone.
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
        case lost(String)
        case unreadable(String)

        var description: String {
            switch self {
            case .couldNotStart(let reason): "could not start the editor: \(reason)"
            case .exited(let status): "the editor exited with status \(status)"
            case .lost(let reason): "lost track of the editor: \(reason)"
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
        // `exec`, so that no shell stays between the tutor and the editor to die of the editor's
        // Ctrl-\ first; but not before `NAME=value editor`, which exec cannot take.
        let launch = command.prefix { !$0.isWhitespace }.contains("=") ? command : "exec " + command
        let status = try Self.run(["/bin/sh", "-c", "\(launch) \"$1\"", "sh", file.path])
        guard status == 0 else { throw .exited(status) }
        do {
            return try String(contentsOf: file, encoding: .utf8)
        } catch {
            throw .unreadable(error.localizedDescription)
        }
    }

    /// Runs `arguments` and waits for it; its exit status, or 128 + the signal that ended it.
    private static func run(_ arguments: [String]) throws(Failure) -> Int32 {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGQUIT, SIGPIPE, SIGTERM, SIGHUP] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = arguments.map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        creadline_lend_keyboard_signals()
        defer { creadline_take_back_keyboard_signals() }
        // An editor that dies by a signal leaves the terminal in its own modes; the tutor's come back.
        var terminalModes = termios()
        let hasTerminal = tcgetattr(STDIN_FILENO, &terminalModes) == 0
        defer { if hasTerminal { tcsetattr(STDIN_FILENO, TCSANOW, &terminalModes) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, arguments[0], nil, &attributes, argv, environ)
        guard spawned == 0 else { throw .couldNotStart(String(cString: strerror(spawned))) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw .lost(String(cString: strerror(errno))) }
        }
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }
}
