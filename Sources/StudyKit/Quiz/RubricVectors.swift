import Foundation

/// The embeddings of a rubric's phrasings, computed for an entry the first time one of its
/// answers is graded and kept for the sitting: a quiz grades a few entries, and embedding every
/// statement of a corpus up front would delay start-up for nothing.
final class RubricVectors: @unchecked Sendable {
    struct Statements {
        /// [point][phrasing] → vector.
        let keyPoints: [[[Float]]]
        let misconceptions: [[[Float]]]
    }

    let embedder: any TextEmbedder
    private let lock = NSLock()
    private var byEntry: [Int: Statements] = [:]

    init(embedder: any TextEmbedder) {
        self.embedder = embedder
    }

    func vectors(of item: Rubric.Item, entryID: Int) -> Statements {
        if let known = lock.withLock({ byEntry[entryID] }) { return known }
        let statements = item.keyPoints + item.misconceptions
        var embedded = embedder.embed(statements.flatMap(\.phrasings))[...]
        func take(_ statements: [Rubric.Statement]) -> [[[Float]]] {
            statements.map { statement in statement.phrasings.map { _ in embedded.popFirst()! } }
        }
        let computed = Statements(keyPoints: take(item.keyPoints), misconceptions: take(item.misconceptions))
        lock.withLock { byEntry[entryID] = computed }
        return computed
    }
}
