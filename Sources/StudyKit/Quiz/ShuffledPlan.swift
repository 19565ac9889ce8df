import Foundation

/// Random order without repeats: every entry in scope is asked once before any comes back.
/// Ratings change nothing, which is what cramming wants.
public struct ShuffledPlan: StudyPlan {
    private var generator: SeededGenerator
    private var asked: Set<Int> = []
    private var lastAsked: Int?

    public init(seed: UInt64) {
        generator = SeededGenerator(seed: seed)
    }

    public mutating func nextEntry(from candidates: [Entry], scope: QuizScope, now: Date) -> Entry? {
        guard !candidates.isEmpty else { return nil }
        var fresh = candidates.filter { !asked.contains($0.id) }
        if fresh.isEmpty {
            asked.subtract(candidates.map(\.id))
            fresh = candidates.filter { $0.id != lastAsked }
            if fresh.isEmpty { fresh = candidates }
        }
        let entry = fresh.randomElement(using: &generator)!
        asked.insert(entry.id)
        lastAsked = entry.id
        return entry
    }

    public mutating func record(_ review: Review) -> Date? { nil }

    public mutating func undoLast() -> Int? { nil }

    public func nothingToAsk(in scope: QuizScope, now: Date) -> String {
        "No entries in \(scope.label)."
    }

    public func outlook(of entries: [Entry], now: Date) -> QuizOutlook? { nil }

    public func intervals(forEntry entryID: Int, now: Date) -> [Rating: Date] { [:] }
}
