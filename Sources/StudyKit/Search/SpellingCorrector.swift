import Foundation

/// Corrects query words the corpus never uses to the nearest word it does (`selct_related` →
/// `select_related`, `sesions` → `sessions`).
///
/// Candidates are the corpus's own words, so a correction can only move a query towards the
/// material. Distance is Damerau–Levenshtein (a swap of two neighbours counts once); among equally
/// near words the most frequent wins. Everyday English words are left alone (`best` is not a typo
/// of `rest`), as are words of three letters or fewer, which are one edit from nearly anything.
struct SpellingCorrector: Sendable {
    fileprivate struct Candidate: Sendable {
        let text: String
        let scalars: [Unicode.Scalar]
        let frequency: Int
    }

    private let frequencies: [String: Int]
    private let candidates: Candidates

    /// - Parameter frequencies: lower-cased corpus words (plain words and whole identifiers) with counts.
    init(frequencies: [String: Int]) {
        self.frequencies = frequencies
        candidates = Candidates()
    }

    /// The closest known word to `word` (lower-cased), or nil when it is known, short or has no near neighbour.
    func correction(for word: String) -> String? {
        guard frequencies[word] == nil, EnglishFrequency.zipfByWord[word] == nil else { return nil }
        let candidatesByLength = candidates.byLength(from: frequencies)
        let scalars = Array(word.unicodeScalars)
        let maximum = Self.maximumDistance(forLength: scalars.count)
        guard maximum > 0 else { return nil }
        var best: (candidate: Candidate, distance: Int)?
        for length in (scalars.count - maximum)...(scalars.count + maximum) {
            for candidate in candidatesByLength[length] ?? [] {
                let limit = best.map { min($0.distance, maximum) } ?? maximum
                guard let distance = Self.distance(scalars, candidate.scalars, limit: limit) else { continue }
                if let current = best,
                    distance > current.distance
                        || (distance == current.distance && candidate.frequency <= current.candidate.frequency)
                {
                    continue
                }
                best = (candidate, distance)
            }
        }
        return best?.candidate.text
    }

    static func maximumDistance(forLength length: Int) -> Int {
        switch length {
        case ..<4: 0
        case 4...7: 1
        default: 2
        }
    }

    /// Optimal-string-alignment distance, or nil as soon as it must exceed `limit`.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int? {
        if abs(a.count - b.count) > limit { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return nil }
            swap(&previousPrevious, &previous)
            swap(&previous, &current)
        }
        let result = previous[b.count]
        return result <= limit ? result : nil
    }
}

/// The corpus's words grouped by length for the search, made at the first correction a searcher
/// is asked for: most questions have no typo, and a large corpus's tens of thousands of words
/// took a start-up milliseconds to group.
private final class Candidates: @unchecked Sendable {
    private let lock = NSLock()
    private var grouped: [Int: [SpellingCorrector.Candidate]]?

    func byLength(from frequencies: [String: Int]) -> [Int: [SpellingCorrector.Candidate]] {
        lock.withLock {
            if let grouped { return grouped }
            var byLength: [Int: [SpellingCorrector.Candidate]] = [:]
            for (word, count) in frequencies where word.count >= 3 {
                let scalars = Array(word.unicodeScalars)
                byLength[scalars.count, default: []].append(SpellingCorrector.Candidate(text: word, scalars: scalars, frequency: count))
            }
            for key in byLength.keys { byLength[key]!.sort { $0.text < $1.text } }
            grouped = byLength
            return byLength
        }
    }
}
