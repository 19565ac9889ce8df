import Foundation

/// Random order without repeats: every entry in scope is asked once before any comes back, a
/// skipped one after the rest of its round. Ratings change nothing, which is what cramming wants.
public struct ShuffledPlan: StudyPlan {
    private var generator: SeededGenerator
    private var asked: Set<Int> = []
    private var lastAsked: Int?
    /// Skipped this round, oldest first.
    private var skipped: [Int] = []

    public init(seed: UInt64) {
        generator = SeededGenerator(seed: seed)
    }

    public mutating func nextEntry(from candidates: [Entry], scope: QuizScope, now: Date) -> Entry? {
        guard !candidates.isEmpty else { return nil }
        var fresh = candidates.filter { !asked.contains($0.id) && !skipped.contains($0.id) }
        if fresh.isEmpty, let waiting = skipped.lazy.compactMap({ id in candidates.first { $0.id == id } }).first {
            fresh = [waiting]
        }
        if fresh.isEmpty {
            asked.subtract(candidates.map(\.id))
            fresh = candidates.filter { $0.id != lastAsked }
            if fresh.isEmpty { fresh = candidates }
        }
        let entry = fresh.randomElement(using: &generator)!
        asked.insert(entry.id)
        skipped.removeAll { $0 == entry.id }
        lastAsked = entry.id
        return entry
    }

    public mutating func skip(_ entryID: Int) {
        asked.remove(entryID)
        skipped.removeAll { $0 == entryID }
        skipped.append(entryID)
    }

    public func wouldAsk(_ entry: Entry, scope: QuizScope, now: Date) -> Bool { true }

    public mutating func record(_ review: Review) -> Date? { nil }

    public mutating func undoLast() -> Int? { nil }

    public func nothingToAsk(from candidates: [Entry], scope: QuizScope, now: Date) -> String {
        "No entries in \(scope.label)."
    }

    public func outlook(of entries: [Entry], now: Date) -> QuizOutlook? { nil }

    public func intervals(forEntry entryID: Int, now: Date) -> [Rating: Date] { [:] }
}
