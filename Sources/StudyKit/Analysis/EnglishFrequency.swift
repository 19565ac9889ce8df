/// How common a word is in everyday English (Zipf scale: 7 for "the", 3 for "decorator"), for
/// telling topical words from chatter.
///
/// A 35-entry corpus cannot learn this from itself: "friend" occurs in no entry, so by idf it
/// would be as telling as "kubernetes". Words not in the list (rarer than Zipf 3.3, and code
/// identifiers) count as fully specific.
enum EnglishFrequency {
    /// Parsed once, on first use, straight from the UTF-8 bytes: every one-shot command pays for
    /// it at start-up, and `split` with a `String` per word made it a third of `ask`'s time.
    static let zipfByWord: [String: Double] = {
        var table: [String: Double] = [:]
        table.reserveCapacity(20_000)
        var bandText = bands
        bandText.withUTF8 { bytes in
            var band: Double?
            var start = 0
            for index in 0...bytes.count {
                let byte = index < bytes.count ? bytes[index] : UInt8(ascii: "\n")
                guard byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") else { continue }
                if index > start {
                    let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                    if let band { table[word] = band } else { band = Double(word) }
                }
                if byte == UInt8(ascii: "\n") { band = nil }
                start = index + 1
            }
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
