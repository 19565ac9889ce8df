import Foundation
import StudyKit

/// A corpus's entries embedded on another thread while a terminal session searches by words:
/// the session asks between lines how far it has got and takes the index once it is ready. The
/// vectors reach the cache only whole (`SemanticSignal.Embedding.run`), so leaving early caches
/// nothing.
final class BackgroundEmbedding: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private var total = 0
    private var index: SemanticIndex?
    private let started = Date()
    let entryCount: Int
    /// The phrasings whose vectors the index will hold, for the searcher that uses it.
    let phrasings: Phrasings

    init(_ embedding: SemanticSignal.Embedding) {
        entryCount = embedding.corpus.entries.count
        phrasings = embedding.phrasings
        let thread = Thread { [self] in
            let index = embedding.run { done, total in
                self.lock.withLock { (self.done, self.total) = (done, total) }
            }
            lock.withLock { self.index = index }
        }
        thread.start()
    }

    /// The index, once the embedding has finished.
    var finishedIndex: SemanticIndex? { lock.withLock { index } }

    /// How far it has got, for `/why` and the banner: "42 % of 1,234 passages, about 2 minutes left".
    var progress: String {
        let (done, total) = lock.withLock { (self.done, self.total) }
        guard total > 0 else { return "starting" }
        let percent = done * 100 / total
        let elapsed = Date().timeIntervalSince(started)
        guard done > 0, elapsed >= 2 else { return "\(percent) % of \(total) passages" }
        let left = elapsed / Double(done) * Double(total - done)
        return "\(percent) % of \(total) passages, " + Self.duration(left) + " left"
    }

    static func duration(_ seconds: TimeInterval) -> String {
        switch seconds {
        case ..<60: return "about \(max(Int((seconds / 5).rounded(.up)) * 5, 5)) seconds"
        case ..<90: return "about a minute"
        default: return "about \(Int((seconds / 60).rounded())) minutes"
        }
    }
}
