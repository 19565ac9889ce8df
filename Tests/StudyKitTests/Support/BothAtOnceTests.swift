import Foundation
import Testing

@testable import StudyKit

@Suite("Both at once")
struct BothAtOnceTests {
    @Test func bothResultsComeBackInOrder() {
        let (first, second) = bothAtOnce({ (1...100).reduce(0, +) }, { String(repeating: "a", count: 3) })
        #expect(first == 5050)
        #expect(second == "aaa")
    }

    /// The two run at the same time: each waits for a sign only the other gives.
    @Test func theTwoRunAtTheSameTime() {
        let (toFirst, toSecond) = (DispatchSemaphore(value: 0), DispatchSemaphore(value: 0))
        let (first, second) = bothAtOnce(
            {
                toSecond.signal()
                return toFirst.wait(timeout: .now() + 10) == .success
            },
            {
                toFirst.signal()
                return toSecond.wait(timeout: .now() + 10) == .success
            })
        #expect(first && second)
    }

    /// Work the second shares out among threads (an embedding's batches) still runs them side by
    /// side: inside an iteration of `concurrentPerform`, another one would run its iterations one
    /// after another, which made a first open's embedding take twice as long.
    @Test func theSecondsOwnSharedWorkRunsSideBySide() {
        let (_, sideBySide) = bothAtOnce(
            { () },
            {
                let (toZero, toOne) = (DispatchSemaphore(value: 0), DispatchSemaphore(value: 0))
                let met = Met()
                DispatchQueue.concurrentPerform(iterations: 2) { iteration in
                    if iteration == 0 {
                        toOne.signal()
                        if toZero.wait(timeout: .now() + 10) == .success { met.record() }
                    } else {
                        toZero.signal()
                        if toOne.wait(timeout: .now() + 10) == .success { met.record() }
                    }
                }
                return met.count == 2
            })
        #expect(sideBySide)
    }
}

private final class Met: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded = 0

    func record() { lock.withLock { recorded += 1 } }
    var count: Int { lock.withLock { recorded } }
}
