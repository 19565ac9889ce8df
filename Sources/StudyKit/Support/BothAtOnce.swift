import Foundation

/// Runs two independent pieces of work at once, on two cores, and returns both results: a start
/// reads a large corpus's vectors and its lexical index from their caches, each tens of
/// milliseconds, neither needing the other.
///
/// The second runs on a global queue, not as an iteration of `concurrentPerform`: inside one, a
/// further `concurrentPerform` (the encoder's batches, the indexer's shares) runs its iterations
/// one after another, and a first open's embedding would have one core instead of all of them.
public func bothAtOnce<First: Sendable, Second: Sendable>(_ first: () -> First, _ second: @Sendable () -> Second) -> (First, Second) {
    let result = SecondResult<Second>()
    let done = DispatchGroup()
    return withoutActuallyEscaping(second) { second in
        DispatchQueue.global(qos: .userInitiated).async(group: done) { result.set(second()) }
        let firstResult = first()
        done.wait()
        return (firstResult, result.value)
    }
}

/// Where the second result lands, written once by its own thread before the group is left.
private final class SecondResult<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value?

    func set(_ value: Value) { lock.withLock { stored = value } }
    var value: Value { lock.withLock { stored! } }
}
