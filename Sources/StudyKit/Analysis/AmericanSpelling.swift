/// British spellings mapped to American ones before stemming, so that "behaviour" and
/// "behaviors", or "normalise" and "normalize", are one term to search and grading alike.
enum AmericanSpelling {
    static let americanByBritish: [String: String] = {
        var table: [String: String] = [:]
        table.reserveCapacity(2_000)
        WordLines.forEach(in: pairs) { words in
            if words.count == 2 { table[words[0]] = words[1] }
        }
        return table
    }()

    /// The American spelling of a lower-cased word, or the word itself.
    static func american(_ word: String) -> String {
        americanByBritish[word] ?? word
    }
}
