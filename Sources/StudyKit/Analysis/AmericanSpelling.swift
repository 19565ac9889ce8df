/// British spellings mapped to American ones before stemming, so that "behaviour" and
/// "behaviors", or "normalise" and "normalize", are one term to search and grading alike.
enum AmericanSpelling {
    /// Parsed once from the UTF-8 bytes, as `EnglishFrequency` is: every command pays for it at start-up.
    static let americanByBritish: [String: String] = {
        var table: [String: String] = [:]
        table.reserveCapacity(2_000)
        var text = pairs
        text.withUTF8 { bytes in
            var start = 0
            var british: String?
            for index in 0...bytes.count {
                let byte = index < bytes.count ? bytes[index] : UInt8(ascii: "\n")
                guard byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") else { continue }
                if index > start {
                    let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                    if let british { table[british] = word } else { british = word }
                }
                if byte == UInt8(ascii: "\n") { british = nil }
                start = index + 1
            }
        }
        return table
    }()

    /// The American spelling of a lower-cased word, or the word itself.
    static func american(_ word: String) -> String {
        americanByBritish[word] ?? word
    }
}
