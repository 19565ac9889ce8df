import Foundation

/// The review log in formats people take elsewhere: CSV (RFC 4180) and JSON.
public enum ReviewExport {
    static let columns = ["time", "corpus", "entry", "question", "rating", "score", "answer"]

    /// - Parameter corpus: fills the `question` column for reviews of this corpus.
    public static func csv(_ reviews: [StoredReview], corpus: Corpus?) -> String {
        var lines = [columns.joined(separator: ",")]
        for review in reviews {
            let fields = [
                timestamp(review.time), review.corpus, String(review.entryID),
                question(of: review, in: corpus) ?? "", review.rating.name, review.score.map(String.init) ?? "", review.answer,
            ]
            lines.append(fields.map(quoted).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    public static func json(_ reviews: [StoredReview], corpus: Corpus?) -> String {
        struct Row: Encodable {
            let time: String
            let corpus: String
            let entry: Int
            let question: String?
            let rating: String
            let score: Int?
            let answer: String

            enum CodingKeys: String, CodingKey { case time, corpus, entry, question, rating, score, answer }

            /// Written out so that `question` and `score` are `null`, not missing, when there are none
            /// (another corpus's entry; a self-rated review): every row has every key.
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(time, forKey: .time)
                try container.encode(corpus, forKey: .corpus)
                try container.encode(entry, forKey: .entry)
                try container.encode(question, forKey: .question)
                try container.encode(rating, forKey: .rating)
                try container.encode(score, forKey: .score)
                try container.encode(answer, forKey: .answer)
            }
        }
        let rows = reviews.map {
            Row(
                time: timestamp($0.time), corpus: $0.corpus, entry: $0.entryID, question: question(of: $0, in: corpus),
                rating: $0.rating.name, score: $0.score, answer: $0.answer)
        }
        return JSONOutput.encode(rows) + "\n"
    }

    private static func question(of review: StoredReview, in corpus: Corpus?) -> String? {
        guard let corpus, review.corpus == corpus.identity else { return nil }
        return corpus.entry(id: review.entryID)?.question
    }

    private static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
