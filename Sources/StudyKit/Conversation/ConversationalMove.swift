/// A line that acts on what was just shown rather than asking something new: "tell me more",
/// "why?", "explain that", "quiz me on that", "give me an example", "go back", "the second one".
///
/// Recognised by a small phrase grammar, the same for every corpus: politeness around the move
/// ("ok", "please", "can you", "could you") is dropped, then the rest must be one of the
/// phrasings below, whole. A question that merely contains "example" or "why" is a question.
public enum ConversationalMove: Sendable, Equatable {
    /// The rest of the entry in focus, then its related entries.
    case more
    /// How the last answer was found (`/why`).
    case why
    /// `/explain` of the entry in focus.
    case explain
    /// A quiz question on the entry in focus.
    case quiz
    /// The entry's code or example lines.
    case example
    /// The entry shown before the one in focus.
    case back
    /// That hit of the last search, counted from 1 ("the second one").
    case hit(Int)

    public init?(parsing line: String) {
        let words = Self.core(of: line)
        guard !words.isEmpty, let move = Self.phrases[words.joined(separator: " ")] else { return nil }
        self = move
    }

    /// The line's words, lower-cased, without punctuation and without the politeness around a move.
    static func core(of line: String) -> [String] {
        var words = words(of: line)
        let leading: Set<String> = ["ok", "okay", "so", "and", "now", "then", "please", "pls", "hmm", "cool", "great", "thanks", "nice"]
        while let first = words.first, leading.contains(first) { words.removeFirst() }
        for opener in [["can", "you"], ["could", "you"], ["would", "you"], ["can", "i", "get"], ["can", "i"], ["could", "i"]] where words.starts(with: opener) {
            words.removeFirst(opener.count)
        }
        let trailing: Set<String> = ["please", "pls", "thanks", "again"]
        while let last = words.last, trailing.contains(last) { words.removeLast() }
        return words
    }

    /// The line's words, lower-cased, without punctuation.
    static func words(of line: String) -> [String] {
        line.lowercased().replacingOccurrences(of: "\u{2019}", with: "'").split { !($0.isLetter || $0.isNumber || $0 == "'") }.map(String.init)
    }

    /// Every phrasing of every move: the grammar, written out.
    static let phrases: [String: ConversationalMove] = {
        var table: [String: ConversationalMove] = [:]
        func add(_ move: ConversationalMove, _ phrasings: [String]) {
            for phrasing in phrasings { table[phrasing] = move }
        }
        let that = ["that", "this", "it", "that one", "this one", "that entry", "this entry", "that topic", "this topic"]
        add(
            .more,
            [
                "more", "tell me more", "go on", "continue", "keep going", "say more", "more on that", "more on this", "more about that", "more about it",
                "more about this", "tell me more about that", "tell me more about it", "tell me more about this", "elaborate", "expand on that",
                "expand on this", "go deeper",
            ])
        add(
            .why,
            [
                "why", "why that", "why that one", "why this one", "why this", "why did you show that", "why did you show this", "why did you show me that",
                "why did you show me this", "why that answer", "why this answer", "how did you find that", "how did you find this",
            ])
        add(.explain, ["explain", "explain in detail", "explain more"] + that.flatMap { ["explain \($0)", "explain \($0) in detail", "explain \($0) to me"] })
        add(
            .quiz,
            ["quiz me", "test me", "ask me", "drill me"]
                + that.flatMap { ["quiz me on \($0)", "test me on \($0)", "ask me about \($0)", "drill me on \($0)", "quiz me about \($0)"] })
        add(
            .example,
            [
                "example", "an example", "examples", "give me an example", "give me a typical example", "give me some examples", "give an example",
                "show me an example", "show me", "show me code", "show me some code", "show me the code", "code", "code example", "some code", "any code",
                "any example", "any examples", "example code", "for example", "see an example", "see some code", "see the code", "see code",
            ]
                + that.flatMap {
                    [
                        "an example of \($0)", "show me code for \($0)", "see code for \($0)", "give me code for \($0)", "example of \($0)",
                        "see an example of \($0)",
                    ]
                })
        add(
            .back,
            [
                "back", "go back", "previous", "the previous one", "previous one", "the one before", "the last one", "go back to the last one",
                "back to the previous one",
            ])
        let ordinals = ["first": 1, "second": 2, "third": 3, "other": 2]
        for (word, rank) in ordinals {
            add(
                .hit(rank),
                [
                    "the \(word) one", "\(word) one", "show me the \(word) one", "the \(word)", "\(word)", "show the \(word) one", "what about the \(word) one",
                    "the \(word) result", "\(word) result",
                ])
        }
        return table
    }()
}
