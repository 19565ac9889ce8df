/// The thread of a conversation with the tutor: what is in focus and how it was found, so that
/// the next line can be read against it. A value the session holds and the evaluation replays.
public struct Conversation: Sendable, Equatable {
    public private(set) var context: ConversationContext?

    public init() {}

    /// Searches a line in the light of the conversation; a confident answer becomes the focus.
    /// A line the corpus does not answer leaves the thread as it was.
    public mutating func ask(_ line: String, with searcher: Searcher, limit: Int = 3) -> FollowUpReading {
        let reading = searcher.search(line, after: context, limit: limit)
        if reading.result.confident, let best = reading.result.hits.first {
            // A follow-up's question carries the one it followed, but no more than that one.
            let query = reading.contextQuery.map { ($0.split(separator: "\n").last.map(String.init) ?? $0) + "\n" + line } ?? line
            let earlier = context.map { Array(($0.earlier + [$0.focus]).suffix(ConversationContext.memory)) } ?? []
            context = ConversationContext(
                query: query, hits: reading.result.hits.map(\.entry.id), focus: best.entry.id, earlier: earlier, meaning: reading.meaning)
        }
        return reading
    }

    /// The entry a move acts on: the focus; for "go back", the entry before it; for "the second
    /// one", that hit of the last search. Nil when there is none.
    public func target(of move: ConversationalMove) -> Int? {
        guard let context else { return nil }
        switch move {
        case .back: return context.earlier.last
        case .hit(let rank): return context.hits.indices.contains(rank - 1) ? context.hits[rank - 1] : nil
        default: return context.focus
        }
    }

    /// After a move, or an entry shown by number: `entry` is in focus now. With no thread yet,
    /// its question starts one.
    public mutating func focus(on entry: Entry, goingBack: Bool = false) {
        guard let current = context else {
            context = ConversationContext(query: entry.question, hits: [entry.id], focus: entry.id)
            return
        }
        let entry = entry.id
        if goingBack, current.earlier.last == entry {
            context = ConversationContext(
                query: current.query, hits: current.hits, focus: entry, earlier: Array(current.earlier.dropLast()), meaning: current.meaning)
        } else {
            context = current.focusing(on: entry)
        }
    }

    /// `/new`: forget the thread.
    public mutating func reset() {
        context = nil
    }
}
