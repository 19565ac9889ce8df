/// British spellings mapped to American ones before stemming, so that "behaviour" and
/// "behaviors", or "normalise" and "normalize", are one term to search and grading alike.
enum AmericanSpelling {
    static let americanByBritish: [String: String] = {
        var table: [String: String] = [:]
        table.reserveCapacity(2_000)
        for line in pairs.split(separator: "\n") {
            guard let space = line.firstIndex(of: " ") else { continue }
            table[String(line[..<space])] = String(line[line.index(after: space)...])
        }
        return table
    }()

    /// The American spelling of a lower-cased word, or the word itself.
    static func american(_ word: String) -> String {
        americanByBritish[word] ?? word
    }
}
