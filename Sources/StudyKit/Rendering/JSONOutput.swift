import Foundation

/// The `--json` shapes, kept separate from the domain types so the wire format is deliberate.
public enum JSONOutput {
    struct Hit: Encodable {
        let id: Int
        let question: String
        let section: String
        let tags: [String]
        let score: Double
        /// The lexical scorer's own score, and the embedding cosine (null with the semantic signal off).
        let lexical: Double
        let semantic: Double?
        /// `semantic` is the cosine of a learner's phrasing of the entry, not of its own text.
        let viaPhrasing: Bool
        /// The word-piece match (`EntryPieces`): null when the corpus or the query has no pieces.
        let pieces: Double?
        /// The entry's answer, as Markdown.
        let answer: String

        enum CodingKeys: String, CodingKey { case id, question, section, tags, score, lexical, semantic, viaPhrasing, pieces, answer }

        /// Written out so that `semantic` and `pieces` are `null`, not missing, when they are unknown.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(question, forKey: .question)
            try container.encode(section, forKey: .section)
            try container.encode(tags, forKey: .tags)
            try container.encode(score, forKey: .score)
            try container.encode(lexical, forKey: .lexical)
            try container.encode(semantic, forKey: .semantic)
            try container.encode(viaPhrasing, forKey: .viaPhrasing)
            try container.encode(pieces, forKey: .pieces)
            try container.encode(answer, forKey: .answer)
        }
    }

    struct Search: Encodable {
        let query: String
        /// True when `query` is the first `Searcher.queryLimit` characters of a longer one.
        let truncated: Bool
        let corrected: String?
        let confident: Bool
        let results: [Hit]
        let explanation: [Node]?
        /// In a conversation (`ask --conversation`): the entry this question was read as following
        /// up, written as null when it stood alone; outside one, not written at all.
        var followUpOf: Int?? = nil

        enum CodingKeys: String, CodingKey { case query, truncated, corrected, confident, results, explanation, followUpOf }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(query, forKey: .query)
            try container.encode(truncated, forKey: .truncated)
            try container.encodeIfPresent(corrected, forKey: .corrected)
            try container.encode(confident, forKey: .confident)
            try container.encode(results, forKey: .results)
            try container.encodeIfPresent(explanation, forKey: .explanation)
            if let followUpOf { try container.encode(followUpOf, forKey: .followUpOf) }
        }
    }

    /// An `Explanation` as JSON: value, description, details.
    struct Node: Encodable {
        let value: Double
        let description: String
        let details: [Node]
        init(_ explanation: Explanation) {
            value = (explanation.value * 1_000_000).rounded() / 1_000_000
            description = explanation.description
            details = explanation.details.map(Node.init)
        }
    }

    struct EntryDetail: Encodable {
        let id: Int
        let question: String
        let section: String
        let tags: [String]
        let answer: String
    }

    /// `followUpOf`: in a conversation, the entry the question was read as following up (nil
    /// when it stood alone), written as `"followUpOf"`; outside one, pass nothing.
    public static func search(_ result: SearchResult, explanations: [Explanation]? = nil, followUpOf: Int?? = nil) -> String {
        encode(
            Search(
                query: result.query, truncated: result.queryWasCut, corrected: result.correctedQuery, confident: result.confident,
                results: result.hits.map {
                    Hit(
                        id: $0.entry.id, question: $0.entry.question, section: $0.entry.section,
                        tags: $0.entry.tags, score: rounded($0.score), lexical: rounded($0.lexicalScore),
                        semantic: $0.semanticSimilarity.map(rounded), viaPhrasing: $0.isThroughPhrasing, pieces: $0.pieceScore.map(rounded),
                        answer: $0.entry.answer)
                },
                explanation: explanations?.map(Node.init), followUpOf: followUpOf))
    }

    private static func rounded(_ value: Double) -> Double {
        (value * 10_000).rounded() / 10_000
    }

    public static func entry(_ entry: Entry) -> String {
        encode(EntryDetail(id: entry.id, question: entry.question, section: entry.section, tags: entry.tags, answer: entry.answer))
    }

    public static func entries(_ entries: [Entry]) -> String {
        encode(entries.map(ListItem.init))
    }

    struct ListItem: Encodable {
        let id: Int
        let question: String
        let section: String
        let tags: [String]
        init(_ entry: Entry) { (id, question, section, tags) = (entry.id, entry.question, entry.section, entry.tags) }
    }

    struct Document: Encodable {
        let id: Int
        let tokens: [String]
    }

    public static func document(_ entry: Entry, terms: [String]) -> String {
        encode(Document(id: entry.id, tokens: terms))
    }

    struct GradeResult: Encodable {
        let id: Int
        let score: Int
        let covered: [String]
        let missed: [String]
        let recall: Double
        let precision: Double
        /// again | hard | good | easy, or null when the learner rates themselves.
        let suggested: String?
        let selfRated: Bool
        let contradictions: [String]
        let similarity: Double?
        /// True when only the first `Grader.answerLimit` characters of the answer were graded.
        let truncated: Bool
        /// False when `suggested` is only a best guess; `why` then says what made the grader unsure.
        let suggestionSure: Bool
        let why: String?
        /// With a rubric: the key points stated and left out, and common mistakes to compare with.
        let keyPointsCovered: [String]
        let keyPointsMissed: [String]
        let compareWith: [String]

        enum CodingKeys: String, CodingKey {
            case id, score, covered, missed, recall, precision, suggested, selfRated, contradictions, similarity, truncated
            case suggestionSure, why, keyPointsCovered, keyPointsMissed, compareWith
        }

        /// Written out so that `suggested` and `similarity` are `null`, not missing.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(score, forKey: .score)
            try container.encode(covered, forKey: .covered)
            try container.encode(missed, forKey: .missed)
            try container.encode(recall, forKey: .recall)
            try container.encode(precision, forKey: .precision)
            try container.encode(suggested, forKey: .suggested)
            try container.encode(selfRated, forKey: .selfRated)
            try container.encode(contradictions, forKey: .contradictions)
            try container.encode(similarity, forKey: .similarity)
            try container.encode(truncated, forKey: .truncated)
            try container.encode(suggestionSure, forKey: .suggestionSure)
            try container.encode(why, forKey: .why)
            try container.encode(keyPointsCovered, forKey: .keyPointsCovered)
            try container.encode(keyPointsMissed, forKey: .keyPointsMissed)
            try container.encode(compareWith, forKey: .compareWith)
        }
    }

    public static func grade(_ grade: Grade) -> String {
        encode(
            GradeResult(
                id: grade.entryID, score: grade.score, covered: grade.covered, missed: grade.missed,
                recall: (grade.recall * 1000).rounded() / 1000, precision: (grade.precision * 1000).rounded() / 1000,
                suggested: grade.suggested?.name, selfRated: grade.selfRated, contradictions: grade.contradictions,
                similarity: grade.similarity.map { ($0 * 1000).rounded() / 1000 }, truncated: grade.answerWasCut,
                suggestionSure: grade.suggestionSure, why: grade.doubts.isEmpty ? nil : grade.doubts.joined(separator: "; "),
                keyPointsCovered: grade.keyPointsCovered, keyPointsMissed: grade.keyPointsMissed, compareWith: grade.compareWith))
    }

    public static func statistics(_ statistics: StudyStatistics) -> String {
        encode(statistics)
    }

    public static func encode<Value: Encodable>(_ value: Value) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding these plain structs cannot fail; an empty object keeps the output parseable regardless.
        guard let data = try? encoder.encode(value) else { return "{}" }
        return escapingTerminalControls(String(decoding: data, as: UTF8.self))
    }

    /// JSONEncoder escapes U+0000...U+001F only; DEL and the C1 controls, which terminals also
    /// obey, get the same `\u00XX` form (they can only occur inside strings), so JSON passes
    /// `TerminalSanitizer` unchanged.
    static func escapingTerminalControls(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: { (0x7F...0x9F).contains($0.value) }) else { return json }
        var result = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if (0x7F...0x9F).contains(scalar.value) {
                result.append(contentsOf: "\\u00\(String(scalar.value, radix: 16))".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// What grading saw beside the grade, for tuning its rules on a dev split: the key-term
    /// score, each key point's coverage by meaning and by words, each misconception's evidence.
    public static func gradingFeatures(_ grade: Grade) -> String {
        struct Features: Encodable {
            let keyTermScore: Double
            let ownEntryMargin: Double?
            let rubric: RubricJudge.Judgement?
            let doubts: [String]
            let claims: [String]
            let goodOdds: Double?
            let termsBeyondReference: Int
            let shareInReference: Double
        }
        return encode(
            Features(
                keyTermScore: grade.keyTermScore, ownEntryMargin: grade.ownEntryMargin, rubric: grade.judgement, doubts: grade.doubts,
                claims: grade.claims, goodOdds: grade.goodOdds, termsBeyondReference: grade.judgement?.termsBeyondReference ?? 0,
                shareInReference: grade.judgement?.shareInReference ?? 0))
    }
}
