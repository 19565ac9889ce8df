import Foundation

/// Runs two independent pieces of work at once, on two cores, and returns both results: a start
/// reads a large corpus's vectors and its lexical index from their caches, each tens of
/// milliseconds, neither needing the other.
func bothAtOnce<First: Sendable, Second: Sendable>(_ first: @Sendable () -> First, _ second: @Sendable () -> Second) -> (First, Second) {
    let results = Results<First, Second>()
    DispatchQueue.concurrentPerform(iterations: 2) { which in
        if which == 0 { results.setFirst(first()) } else { results.setSecond(second()) }
    }
    return results.both
}

/// Where the two results land, each written once by its own thread.
private final class Results<First: Sendable, Second: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var first: First?
    private var second: Second?

    func setFirst(_ value: First) { lock.withLock { first = value } }
    func setSecond(_ value: Second) { lock.withLock { second = value } }
    var both: (First, Second) { lock.withLock { (first!, second!) } }
}
