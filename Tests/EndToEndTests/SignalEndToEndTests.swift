import Foundation
import Testing

/// Ctrl-\ (SIGQUIT) ends the tutor at once, as a quit and not a crash: Swift's crash handler,
/// which on a terminal waits in its interactive backtracer, never sees it. (The REPL on a
/// terminal, which must also restore the terminal, is checked by scripts/e2e-repl.) The tutor is
/// started by Foundation's `Process`, which passes on the test thread's blocked signals: the
/// tutor must unblock SIGQUIT itself.
@Suite("signals (end to end)")
struct SignalEndToEndTests {
    @Test func sigquitEndsACommandWithoutACrashReport() throws {
        let tutor = try TutorProcess.start(["ask", "--no-semantic"])
        try tutor.send("what is a model")
        try tutor.waitForStdout { $0.contains("#") }
        #if canImport(Darwin)
            _ = Darwin.kill(tutor.process.processIdentifier, SIGQUIT)
        #else
            _ = Glibc.kill(tutor.process.processIdentifier, SIGQUIT)
        #endif
        let deadline = Date().addingTimeInterval(5)
        while tutor.process.isRunning && Date() < deadline { usleep(10_000) }
        try #require(!tutor.process.isRunning, "still running 5 s after SIGQUIT")
        #expect(tutor.process.terminationReason == .exit)
        #expect(tutor.process.terminationStatus == 128 + SIGQUIT)
        #expect(!tutor.stderr.contains("crashed"), "\(tutor.stderr)")
    }
}
