/// Whether a clause is negated: an odd number of negating words ("not", "no", "never", "-n't",
/// "without", "cannot"), so that "has no built-in support" and "has built-in support" differ.
enum Polarity {
    static let negatingWords: Set<String> = ["not", "no", "never", "without", "cannot", "none", "neither", "nor", "nothing", "nobody", "nowhere"]

    static func isNegated(_ text: String) -> Bool {
        let words = text.lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
            .split { !($0.isLetter || $0 == "'") }
        let count = words.filter { negatingWords.contains(String($0)) || $0.hasSuffix("n't") }.count
        return count % 2 == 1
    }
}
