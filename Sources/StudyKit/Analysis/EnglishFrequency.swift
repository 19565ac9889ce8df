/// How common a word is in everyday English (Zipf scale: 7 for "the", 3 for "decorator"), for
/// telling topical words from chatter.
///
/// A 35-entry corpus cannot learn this from itself: "friend" occurs in no entry, so by idf it
/// would be as telling as "kubernetes". Words not in the list (rarer than Zipf 3.3, and code
/// identifiers) count as fully specific.
enum EnglishFrequency {
    static let zipfByWord: [String: Double] = {
        var table: [String: Double] = [:]
        table.reserveCapacity(20_000)
        WordLines.forEach(in: bands) { words in
            guard let band = Double(words[0]) else { return }
            for word in words.dropFirst() { table[word] = band }
        }
        return table
    }()

    /// The word's Zipf frequency, nil for words rarer than the table (Zipf 3.3) and identifiers.
    static func zipf(of word: String) -> Double? {
        zipfByWord[word.lowercased()]
    }

    /// 1 for rare or unknown words, falling to 0.1 for the commonest ("the", "people").
    static func informativeness(of word: String) -> Double {
        guard let zipf = zipfByWord[word.lowercased()] else { return 1 }
        return min(1, max(0.1, (6 - zipf) / 3))
    }
}
