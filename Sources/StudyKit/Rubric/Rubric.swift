/// What a complete answer to each entry says, and what learners commonly get wrong about it
/// (`NAME.rubric.md` beside `NAME.md`), written by someone who saw only the corpus. Grading reads
/// it: an answer is scored by the key points it states, in any words, rather than by the
/// reference's rarest words, which are often its example's ("an Instagram clone").
public struct Rubric: Sendable, Equatable {
    /// One idea, as its writer put it first and in the other ways a learner might say it.
    public struct Statement: Sendable, Equatable {
        /// The statement first, then its alternatives.
        public let phrasings: [String]
        public var text: String { phrasings[0] }

        public init(phrasings: [String]) {
            precondition(!phrasings.isEmpty, "a statement has at least its own text")
            self.phrasings = phrasings
        }
    }

    /// One entry's rubric.
    public struct Item: Sendable, Equatable {
        /// Most important first: the first is what an answer cannot miss.
        public let keyPoints: [Statement]
        /// False claims a learner might make about the entry.
        public let misconceptions: [Statement]
        /// The writer's judgement that the question has no single right answer.
        public let isOpen: Bool

        public init(keyPoints: [Statement], misconceptions: [Statement], isOpen: Bool = false) {
            self.keyPoints = keyPoints
            self.misconceptions = misconceptions
            self.isOpen = isOpen
        }
    }

    let items: [Int: Item]

    public static let empty = Rubric(items: [:])

    public init(items: [Int: Item]) {
        self.items = items
    }

    public func item(forEntry id: Int) -> Item? {
        items[id]
    }

    public var isEmpty: Bool { items.isEmpty }
    public var keyPointCount: Int { items.values.reduce(0) { $0 + $1.keyPoints.count } }
    public var misconceptionCount: Int { items.values.reduce(0) { $0 + $1.misconceptions.count } }
}
