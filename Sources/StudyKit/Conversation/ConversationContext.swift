/// What a conversation has said so far, which the next line is read against: the question that
/// found the entry in focus, and that search's entries, best first.
public struct ConversationContext: Sendable, Equatable {
    /// The question as it was searched: a follow-up's includes what it followed.
    public let query: String
    /// The last search's entries, best first.
    public let hits: [Int]
    /// The entry in focus: the one shown in full.
    public let focus: Int
    /// Entries in focus before this one, the latest last, for "go back".
    public var earlier: [Int] = []
    /// The meaning the entry in focus was found by (the question's sentence vector, a follow-up's
    /// mixed with what it followed), when the semantic signal is on.
    let meaning: [Float]?

    public init(query: String, hits: [Int], focus: Int, earlier: [Int] = []) {
        self.init(query: query, hits: hits, focus: focus, earlier: earlier, meaning: nil)
    }

    init(query: String, hits: [Int], focus: Int, earlier: [Int], meaning: [Float]?) {
        self.query = query
        self.hits = hits
        self.focus = focus
        self.earlier = earlier
        self.meaning = meaning
    }

    /// The context after `entry` comes into focus by another way than a search (a move, a number).
    func focusing(on entry: Int) -> ConversationContext {
        guard entry != focus else { return self }
        return ConversationContext(query: query, hits: hits, focus: entry, earlier: Array((earlier + [focus]).suffix(Self.memory)), meaning: meaning)
    }

    /// How many earlier entries "go back" can return to.
    static let memory = 10
}

/// A line read in a conversation: the search it became, and the entry it was read as following up
/// (nil when it was read on its own).
public struct FollowUpReading: Sendable, Equatable {
    public let result: SearchResult
    public let followUpOf: Int?
    /// What the context added to the query, for `/why`: the earlier question's words.
    public let contextQuery: String?
    /// The meaning the line was searched by, which a confident reading hands on to the context.
    let meaning: [Float]?

    /// A search read on its own, outside any conversation.
    public static func alone(_ result: SearchResult) -> FollowUpReading {
        FollowUpReading(result: result, followUpOf: nil, contextQuery: nil, meaning: nil)
    }
}
