/// A query's score for each document that shares a term with it, held densely: a search over a
/// large corpus touches thousands of documents, and a dictionary's hashing cost more than the
/// scoring itself.
struct DocumentScores: Sendable, Equatable {
    /// Every document's score; 0 for one that shares no term.
    private(set) var values: [Double]
    /// The documents that share a term, in the order they were first met.
    private(set) var matched: [Int32] = []
    private var isMatched: [Bool]

    init(documentCount: Int) {
        values = Array(repeating: 0, count: documentCount)
        isMatched = Array(repeating: false, count: documentCount)
    }

    /// The document's score, or nil when it shares no term with the query.
    subscript(document: Int32) -> Double? {
        let index = Int(document)
        return isMatched.indices.contains(index) && isMatched[index] ? values[index] : nil
    }

    mutating func add(_ score: Double, to document: Int32) {
        let index = Int(document)
        if !isMatched[index] {
            isMatched[index] = true
            matched.append(document)
        }
        values[index] += score
    }

    var isEmpty: Bool { matched.isEmpty }

    /// The highest score, or nil when no document matched.
    var best: Double? { matched.lazy.map { self.values[Int($0)] }.max() }

    /// The same documents, each score transformed.
    func mapScores(_ transform: (Double) -> Double) -> DocumentScores {
        var mapped = self
        for document in matched { mapped.values[Int(document)] = transform(values[Int(document)]) }
        return mapped
    }
}

extension DocumentScores: ExpressibleByDictionaryLiteral {
    init(dictionaryLiteral elements: (Int32, Double)...) {
        self.init(documentCount: Int(elements.map(\.0).max() ?? -1) + 1)
        for (document, score) in elements { add(score, to: document) }
    }
}

extension Sequence<Int32> {
    /// Past this many, the best are picked by sorting.
    static var mostKeptByInsertion: Int { 32 }

    /// The `count` documents of highest score, best first, ties to the lower id: the order a full
    /// sort would give, without sorting every document.
    func top(_ count: Int, by scores: [Double]) -> [Int32] {
        guard count > 0 else { return [] }
        let precedes = { (a: Int32, b: Int32) in scores[Int(a)] != scores[Int(b)] ? scores[Int(a)] > scores[Int(b)] : a < b }
        // Insertion keeps a few best cheaply; for many (a whole ranking), it would be quadratic.
        guard count <= Self.mostKeptByInsertion else { return Array(sorted(by: precedes).prefix(count)) }
        var best: [Int32] = []
        best.reserveCapacity(count + 1)
        for document in self {
            if best.count == count, !precedes(document, best[count - 1]) { continue }
            let position = best.firstIndex { precedes(document, $0) } ?? best.count
            best.insert(document, at: position)
            if best.count > count { best.removeLast() }
        }
        return best
    }
}
