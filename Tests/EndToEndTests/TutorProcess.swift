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
        var merged = ProcessInfo.processInfo.environment
        merged["COLUMNS"] = "80"
        merged.removeValue(forKey: "NO_COLOR")
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("django-tutor-e2e-\(UUID().uuidString)")
        merged["XDG_STATE_HOME"] = scratch.appendingPathComponent("state").path
        merged["XDG_DATA_HOME"] = scratch.appendingPathComponent("data").path
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        let input = Pipe()
        let output = Pipe()
        let error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Read both pipes concurrently so a chatty process cannot block on a full pipe.
        nonisolated(unsafe) var errorData = Data()
        let errorReader = Thread { errorData = error.fileHandleForReading.readDataToEndOfFile() }
        errorReader.start()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while errorReader.isExecuting || !errorReader.isFinished { usleep(1000) }
        try? FileManager.default.removeItem(at: scratch)
        return Outcome(
            stdout: String(decoding: outputData, as: UTF8.self),
            stderr: String(decoding: errorData, as: UTF8.self),
            status: process.terminationStatus)
    }
}
