import Foundation

/// Runs the built `django-tutor` binary the way a script would: arguments, piped stdin, captured output.
struct TutorProcess {
    struct Outcome {
        let stdout: String
        let stderr: String
        let status: Int32
    }

    /// The binary next to the test bundle (`swift build` puts both in the same folder), or `DJANGO_TUTOR_BIN`.
    static let binary: URL = {
        if let path = ProcessInfo.processInfo.environment["DJANGO_TUTOR_BIN"] { return URL(fileURLWithPath: path) }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("django-tutor")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: "django-tutor")
    }()

    /// Writing to a process that has ended raises SIGPIPE, which would end the whole test run:
    /// ignored, the write fails with EPIPE instead, and the test judges the process by its output.
    static let brokenPipesIgnored: Void = { signal(SIGPIPE, SIG_IGN) }()

    /// A folder of its own for each run's history and progress, so tests never touch the user's.
    static func newScratchFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("django-tutor-e2e-\(UUID().uuidString)")
    }

    /// The test's environment with a fixed width, no `NO_COLOR`, XDG folders under `scratch`, and
    /// the given changes.
    static func environmentFor(scratch: URL, setting: [String: String], unsetting: [String]) -> [String: String] {
        var merged = ProcessInfo.processInfo.environment
        merged["COLUMNS"] = "80"
        merged.removeValue(forKey: "NO_COLOR")
        merged["XDG_STATE_HOME"] = scratch.appendingPathComponent("state").path
        merged["XDG_DATA_HOME"] = scratch.appendingPathComponent("data").path
        for (key, value) in setting { merged[key] = value }
        for key in unsetting { merged.removeValue(forKey: key) }
        return merged
    }

    static func run(_ arguments: [String], stdin: String = "", environment: [String: String] = [:]) throws -> Outcome {
        try runExecutable(binary, arguments, stdin: stdin, environment: environment)
    }

    /// Runs a shell pipeline with `$TUTOR` set to the binary, for pipes such as `| head -1`.
    static func shell(_ script: String, environment: [String: String] = [:]) throws -> Outcome {
        var environment = environment
        environment["TUTOR"] = binary.path
        return try runExecutable(URL(fileURLWithPath: "/bin/sh"), ["-c", script], stdin: "", environment: environment)
    }

    private static func runExecutable(
        _ executable: URL, _ arguments: [String], stdin: String, environment: [String: String]
    ) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let scratch = newScratchFolder()
        process.environment = environmentFor(scratch: scratch, setting: environment, unsetting: [])
        let input = Pipe()
        let output = Pipe()
        let error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Read both pipes concurrently so a chatty process cannot block on a full pipe.
        nonisolated(unsafe) var errorData = Data()
        // The semaphore, not the thread's state, orders the reader's write before our read.
        let errorRead = DispatchSemaphore(value: 0)
        let errorReader = Thread {
            errorData = error.fileHandleForReading.readDataToEndOfFile()
            errorRead.signal()
        }
        errorReader.start()
        // A process may end without reading all its input (an error, a limit reached): that is
        // for the test to judge from its output, not a reason for the harness to trap on EPIPE.
        TutorProcess.brokenPipesIgnored
        try? input.fileHandleForWriting.write(contentsOf: Data(stdin.utf8))
        try? input.fileHandleForWriting.close()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        errorRead.wait()
        try? FileManager.default.removeItem(at: scratch)
        return Outcome(
            stdout: String(decoding: outputData, as: UTF8.self),
            stderr: String(decoding: errorData, as: UTF8.self),
            status: process.terminationStatus)
    }
}

extension TutorProcess {
    /// Starts the binary and leaves it running with standard input open, so a test can type one line
    /// at a time, wait for what it prints, and end it as it likes (closing its input, or `SIGKILL`).
    /// Like `run`, it points the XDG folders at a scratch folder; `unsetting` then removes variables.
    static func start(
        _ arguments: [String], environment: [String: String] = [:], unsetting: [String] = []
    ) throws -> Running {
        // A tutor that exits early must make `send` throw, not end the test run with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        return try Running(arguments: arguments, environment: environment, unsetting: unsetting)
    }

    final class Running: @unchecked Sendable {
        struct Timeout: Error, CustomStringConvertible {
            let description: String
        }

        let process = Process()
        private let input = Pipe()
        private let lock = NSLock()
        private var output = Data()
        private var errors = Data()
        private var readers: [Thread] = []
        private let scratch: URL

        fileprivate init(arguments: [String], environment: [String: String], unsetting: [String]) throws {
            process.executableURL = TutorProcess.binary
            process.arguments = arguments
            scratch = TutorProcess.newScratchFolder()
            process.environment = TutorProcess.environmentFor(scratch: scratch, setting: environment, unsetting: unsetting)
            let outputPipe = Pipe()
            let errorPipe = Pipe()
            process.standardInput = input
            process.standardOutput = outputPipe
            process.standardError = errorPipe
            try process.run()
            readers = [
                Thread { [self] in drain(outputPipe.fileHandleForReading) { self.output.append($0) } },
                Thread { [self] in drain(errorPipe.fileHandleForReading) { self.errors.append($0) } },
            ]
            for reader in readers { reader.start() }
        }

        /// Reads until end of file, handing each chunk over under the lock.
        private func drain(_ handle: FileHandle, into append: (Data) -> Void) {
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { return }
                lock.withLock { append(chunk) }
            }
        }

        /// Everything printed to standard output so far.
        var stdout: String { lock.withLock { String(decoding: output, as: UTF8.self) } }
        var stderr: String { lock.withLock { String(decoding: errors, as: UTF8.self) } }

        /// Types `lines`, each followed by a newline.
        func send(_ lines: String...) throws {
            TutorProcess.brokenPipesIgnored
            try input.fileHandleForWriting.write(contentsOf: Data(lines.map { $0 + "\n" }.joined().utf8))
        }

        /// Polls standard output until `condition` holds; throws if the process exits first or
        /// `timeout` passes.
        func waitForStdout(timeout: TimeInterval = 10, until condition: (String) -> Bool) throws {
            let deadline = Date().addingTimeInterval(timeout)
            while !condition(stdout) {
                if !process.isRunning {
                    waitForReaders()
                    if condition(stdout) { return }
                    throw Timeout(description: "the tutor exited (\(process.terminationStatus)) first.\nstdout:\n\(stdout)\nstderr:\n\(stderr)")
                }
                guard Date() < deadline else {
                    throw Timeout(description: "waited \(timeout) s in vain.\nstdout:\n\(stdout)\nstderr:\n\(stderr)")
                }
                usleep(2_000)
            }
        }

        /// Ends the process with `SIGKILL`, as a crash or `kill -9` would, and waits for it.
        func kill() {
            Self.signal(SIGKILL, to: process)
            process.waitUntilExit()
            waitForReaders()
            cleanUp()
        }

        /// Closes standard input (end of the script) and waits for the process to exit.
        func finish(timeout: TimeInterval = 10) throws -> Outcome {
            try input.fileHandleForWriting.close()
            let deadline = Date().addingTimeInterval(timeout)
            while process.isRunning {
                guard Date() < deadline else {
                    kill()
                    throw Timeout(description: "did not exit within \(timeout) s.\nstdout:\n\(stdout)\nstderr:\n\(stderr)")
                }
                usleep(2_000)
            }
            process.waitUntilExit()
            waitForReaders()
            cleanUp()
            return Outcome(stdout: stdout, stderr: stderr, status: process.terminationStatus)
        }

        /// Waits (a few seconds at most) for both pipes to reach end of file.
        private func waitForReaders() {
            let deadline = Date().addingTimeInterval(5)
            while readers.contains(where: { !$0.isFinished }) && Date() < deadline { usleep(1_000) }
        }

        private static func signal(_ signal: Int32, to process: Process) {
            #if canImport(Darwin)
                _ = Darwin.kill(process.processIdentifier, signal)
            #else
                _ = Glibc.kill(process.processIdentifier, signal)
            #endif
        }

        private func cleanUp() {
            try? FileManager.default.removeItem(at: scratch)
        }

        deinit {
            if process.isRunning { Self.signal(SIGKILL, to: process) }
            cleanUp()
        }
    }
}
