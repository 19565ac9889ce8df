import Foundation

/// How well a card was recalled during a review, as FSRS (py-fsrs) defines it.
public enum Rating: Int, Sendable, Codable, CaseIterable, Hashable {
    case again = 1
    case hard = 2
    case good = 3
    case easy = 4

    /// Parses what a learner typed: `"1"`–`"4"` or the rating's name
    /// (`"again"`, `"hard"`, `"good"`, `"easy"`), case-insensitively and
    /// ignoring surrounding whitespace. Returns `nil` for anything else.
    public init?(userInput: String) {
        let text = userInput.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        if let number = Int(text), let rating = Rating(rawValue: number) {
            self = rating
            return
        }
        guard let rating = Rating.allCases.first(where: { $0.name == text }) else {
            return nil
        }
        self = rating
    }

    /// The rating's lowercase name, e.g. `"good"`.
    public var name: String {
        switch self {
        case .again: "again"
        case .hard: "hard"
        case .good: "good"
        case .easy: "easy"
        }
    }
}
