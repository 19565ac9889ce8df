/// "Did you mean …" for names a person types: commands, topics, sections, subcommands.
public enum NearestName {
    /// The one name `typed` is a prefix of, or the nearest by edit distance (at most 2, and at
    /// most a third of the name), or nil. Case is ignored; the name is returned as given.
    public static func closest(to typed: String, in names: [String]) -> String? {
        let typed = typed.lowercased()
        guard !typed.isEmpty else { return nil }
        if let exact = names.first(where: { $0.lowercased() == typed }) { return exact }
        if let prefixed = uniquePrefixMatch(typed, in: names) { return prefixed }
        let scalars = Array(typed.unicodeScalars)
        let scored = names.compactMap { name -> (String, Int)? in
            let limit = max(1, min(2, name.count / 3))
            return SpellingCorrector.distance(scalars, Array(name.lowercased().unicodeScalars), limit: limit).map { (name, $0) }
        }
        return scored.min { $0.1 < $1.1 }?.0
    }

    /// The only name that starts with `typed`, or nil when none or several do.
    public static func uniquePrefixMatch(_ typed: String, in names: [String]) -> String? {
        let typed = typed.lowercased()
        guard !typed.isEmpty else { return nil }
        let matches = names.filter { $0.lowercased().hasPrefix(typed) }
        return matches.count == 1 ? matches[0] : nil
    }
}
