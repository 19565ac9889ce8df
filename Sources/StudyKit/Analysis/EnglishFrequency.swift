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

    /// Whether everyday English uses the word as an ordinary verb or adverb, as its forms in the
    /// table show: a form (`defines`, `occur`, `loads`, `connecting`, `specifies`) of a word that
    /// English inflects as a verb (`isInflectedAsVerb`), or an `-ly` adverb (`efficiently`,
    /// `dynamically`, `primarily`). A noun that English never inflects as a verb (`templates`,
    /// `modules`, `errors`) is neither; one that it does (`files`, `requests`, `forms`) is, and only
    /// the domain can say otherwise (`Searcher.domainWords`).
    static func isVerbOrAdverbForm(_ word: String) -> Bool {
        let word = word.lowercased()
        guard word.count >= 4, word.allSatisfy({ $0 >= "a" && $0 <= "z" }) else { return false }
        return isAdverb(word) || inflectionBases(of: word).contains(where: isInflectedAsVerb)
    }

    private static func isEveryday(_ word: String) -> Bool {
        zipfByWord[word] != nil
    }

    /// An `-ly` adverb: of an everyday word (`efficiently`, `primarily`, `dynamically`, `notably`),
    /// or of any word an adjective's suffix ends (`unambiguously`, `textually`).
    private static func isAdverb(_ word: String) -> Bool {
        guard word.count >= 6, word.hasSuffix("ly") else { return false }
        let adjective = String(word.dropLast(2))
        var bases = [adjective]
        if word.hasSuffix("ily") { bases.append(String(word.dropLast(3)) + "y") }
        if word.hasSuffix("ally") { bases.append(String(word.dropLast(4))) }
        if word.hasSuffix("ably") || word.hasSuffix("ibly") { bases.append(String(word.dropLast(1)) + "e") }
        let adjectiveEndings = ["ous", "ive", "al", "ent", "ant", "ful", "less", "ic"]
        return bases.contains { $0.count >= 4 && isEveryday($0) } || adjectiveEndings.contains(where: adjective.hasSuffix)
    }

    /// The words a lower-cased `word` may be an inflected form of, itself included: `defines` →
    /// `define`, `defin`; `applies` → `apply`; `stripped` → `strip`; `storing` → `store`. Unlike a
    /// stem, never a word of another class (`performance` is no form of `perform`).
    static func inflectionBases(of word: String) -> [String] {
        var bases = [word]
        func stripped(_ suffix: String) -> String? {
            word.hasSuffix(suffix) && word.count > suffix.count + 2 ? String(word.dropLast(suffix.count)) : nil
        }
        if let base = stripped("ies") { bases.append(base + "y") }
        if let base = stripped("es") { bases.append(base) }
        if let base = stripped("s"), !word.hasSuffix("ss") { bases.append(base) }
        if let base = stripped("ied") { bases.append(base + "y") }
        for suffix in ["ed", "ing"] {
            guard let base = stripped(suffix) else { continue }
            bases += [base, base + "e"]
            if let last = base.last, base.dropLast().last == last { bases.append(String(base.dropLast())) }
        }
        return bases
    }

    /// Whether everyday English inflects `base` as a verb: the table holds both its past and its
    /// progressive form (`define`: `defined`, `defining`; `apply`: `applied`, `applying`; `strip`:
    /// `stripped`, `stripping`), or its progressive form is commoner than itself (`correspond`,
    /// `corresponding`), or it is an everyday word made a verb by `-ify` (`specify`).
    private static func isInflectedAsVerb(_ base: String) -> Bool {
        guard base.count >= 3, let last = base.last else { return false }
        var stems = [base]
        if last == "e" { stems.append(String(base.dropLast())) }
        if !"aeiouwxy".contains(last) { stems.append(base + String(last)) }
        var pasts = stems.map { $0 + "ed" }
        if last == "y" { pasts.append(String(base.dropLast()) + "ied") }
        let progressive = stems.compactMap { zipfByWord[$0 + "ing"] }.max()
        if pasts.contains(where: isEveryday), progressive != nil { return true }
        guard let zipf = zipfByWord[base] else { return false }
        return base.hasSuffix("ify") || progressive.map { $0 > zipf } == true
    }

    /// 1 for rare or unknown words, falling to 0.1 for the commonest ("the", "people").
    static func informativeness(of word: String) -> Double {
        guard let zipf = zipfByWord[word.lowercased()] else { return 1 }
        return min(1, max(0.1, (6 - zipf) / 3))
    }
}
