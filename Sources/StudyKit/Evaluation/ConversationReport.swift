import Foundation

/// How well the tutor follows a conversation, on labelled dialogues: each turn replayed in order
/// through `Conversation` (the session's own logic), with the entry a fair expert would show for
/// it given what came before.
public struct ConversationReport: Sendable, Equatable {
    public struct LabelledConversation: Sendable, Equatable, Decodable {
        public struct Turn: Sendable, Equatable, Decodable {
            public let say: String
            /// first, follow-up, switch, off-topic or move.
            public let kind: String
            /// For a move: more, why, explain, quiz, example, back or second.
            public let move: String?
            /// The entries that answer the turn (empty: off-topic); for a move, the entry it acts on.
            public let expect: [Int]?
        }

        public let id: String
        public let turns: [Turn]
    }

    /// One kind of turn's tally.
    public struct Tally: Sendable, Equatable {
        public var turns = 0
        public var handled = 0
        /// Turns answered confidently with an entry that is not expected.
        public var confidentlyWrong = 0
        public var share: Double { turns == 0 ? 0 : Double(handled) / Double(turns) }
    }

    public private(set) var tallies: [String: Tally] = [:]
    /// Every turn not handled, with what it got: for tuning on a dev split only.
    public private(set) var misses: [String] = []

    public static let kinds = ["first", "follow-up", "switch", "move", "off-topic"]

    public init(conversations: [LabelledConversation], searcher: Searcher) {
        for labelled in conversations {
            var conversation = Conversation()
            for turn in labelled.turns {
                var tally = tallies[turn.kind, default: Tally()]
                tally.turns += 1
                let expected = Set(turn.expect ?? [])
                if let move = ConversationalMove(parsing: turn.say) {
                    let target = conversation.target(of: move)
                    if turn.kind == "move", Self.name(of: move) == turn.move, turn.expect == nil || target.map(expected.contains) == true {
                        tally.handled += 1
                    } else {
                        misses.append(
                            "\(labelled.id) [\(turn.kind)] \(turn.say) → move \(Self.name(of: move)) on \(target.map { "#\($0)" } ?? "nothing"), expected \(turn.expect ?? [])"
                        )
                    }
                    if let target, let entry = searcher.corpus.entry(id: target) {
                        conversation.focus(on: entry, goingBack: move == .back)
                    }
                } else {
                    let focus = conversation.context?.focus
                    let reading = conversation.ask(turn.say, with: searcher)
                    let result = reading.result
                    let best = result.confident ? result.hits.first?.entry.id : nil
                    let before = tally.handled
                    if turn.kind == "off-topic" {
                        if best == nil { tally.handled += 1 } else { tally.confidentlyWrong += 1 }
                    } else if let best, turn.kind != "move" {
                        if expected.contains(best) { tally.handled += 1 } else { tally.confidentlyWrong += 1 }
                    }
                    if tally.handled == before {
                        let got = result.hits.prefix(3).map { "#\($0.entry.id)" }.joined(separator: " ")
                        misses.append(
                            "\(labelled.id) [\(turn.kind)] \(turn.say) (focus \(focus.map { "#\($0)" } ?? "none")) → \(result.confident ? "confident" : "unsure") \(got)"
                                + "\(reading.followUpOf == nil ? "" : " as follow-up"), expected \(turn.expect ?? [])")
                    }
                }
                tallies[turn.kind] = tally
            }
        }
    }

    /// The labelled name of a move.
    static func name(of move: ConversationalMove) -> String {
        switch move {
        case .more: "more"
        case .why: "why"
        case .explain: "explain"
        case .quiz: "quiz"
        case .example: "example"
        case .back: "back"
        case .hit(let rank): rank == 1 ? "first" : rank == 2 ? "second" : "hit \(rank)"
        }
    }

    public func share(_ kind: String) -> Double { tallies[kind]?.share ?? 0 }

    public func markdown(title: String, file: String) -> String {
        var text = """
            ## \(title)

            From `\(file)`: each turn replayed in order, read against the conversation so far.

            | turn | turns | handled | confidently wrong |
            | --- | --- | --- | --- |

            """
        let names = [
            "first": "first question (top-1)", "follow-up": "follow-up (top-1, confident)", "switch": "topic switch kept (top-1)",
            "move": "move handled", "off-topic": "off-topic: no good match",
        ]
        for kind in Self.kinds {
            guard let tally = tallies[kind] else { continue }
            text += "| \(names[kind] ?? kind) | \(tally.turns) | \(RetrievalComparison.percent(tally.share)) | \(tally.confidentlyWrong) |\n"
        }
        return text
    }
}
