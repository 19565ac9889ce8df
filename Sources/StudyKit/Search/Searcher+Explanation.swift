import Foundation

extension Searcher {
    /// How `entryID` earned its score for the query of `result`: one branch per matched term, with
    /// the query side (count, idf, normalisation) and the entry side (frequency by field, idf,
    /// normalisation or BM25's saturation).
    public func explain(_ result: SearchResult, entry entryID: Int) -> Explanation? {
        guard scoring == .tfidf || ranking is BM25Scorer else { return nil }
        guard let position = corpus.position(ofEntry: entryID) else { return nil }
        let entry = corpus.entries[position]
        let vector = vector(of: result.analysis)
        let byField = fieldFrequencies(of: entry)
        let weights = Dictionary(uniqueKeysWithValues: result.analysis.terms.map { ($0.term, $0) })
        var branches: [Explanation] = []
        switch scoring {
        case .tfidf:
            let queryNorm = sqrt(vector.reduce(0) { $0 + pow($1.frequency * scorer.idf[Int($1.term)], 2) })
            for term in vector {
                guard let document = index.documents[position].first(where: { $0.term == term.term }) else { continue }
                let name = index.terms[Int(term.term)]
                let idf = scorer.idf[Int(term.term)]
                let queryWeight = term.frequency * idf / queryNorm
                let entryWeight = scorer.weight(of: document, inDocument: position, of: index)
                branches.append(
                    Explanation(
                        value: queryWeight * entryWeight, description: "weight(\(name)), product of:",
                        details: [
                            Explanation(
                                value: queryWeight,
                                description:
                                    "query: \(Self.queryTF(weights[name], term.frequency)) × idf \(Self.format(idf)) / query norm \(Self.format(queryNorm))"),
                            Explanation(
                                value: entryWeight,
                                description:
                                    "entry: tf \(Self.formatCount(document.frequency)) (\(byField[name] ?? "")) × idf \(Self.format(idf)) / entry norm \(Self.format(scorer.norms[position]))"
                            ),
                        ]))
            }
        case .bm25(let k1, let b):
            let bm25 = ranking as! BM25Scorer
            for term in vector {
                guard let document = index.documents[position].first(where: { $0.term == term.term }) else { continue }
                let name = index.terms[Int(term.term)]
                let termScore = bm25.weight(of: document, inDocument: position, of: index)
                branches.append(
                    Explanation(
                        value: term.frequency * termScore, description: "weight(\(name)), product of:",
                        details: [
                            Explanation(value: term.frequency, description: "query: \(Self.queryTF(weights[name], term.frequency))"),
                            Explanation(
                                value: termScore,
                                description:
                                    "entry: idf \(Self.format(bm25.idf[Int(term.term)])) × tf·(k1+1)/(tf + k1·(1−b+b·len/avg)) with tf \(Self.formatCount(document.frequency)) (\(byField[name] ?? "")), k1 \(k1), b \(b), len \(Self.formatCount(index.documentLengths[position])), avg \(Self.format(bm25.averageLength))"
                            ),
                        ]))
            }
        }
        guard !branches.isEmpty else {
            return Explanation(value: 0, description: "#\(entryID) \(entry.question) — shares no term with the query, so words give it nothing")
        }
        branches.sort { $0.value > $1.value }
        let total = branches.reduce(0) { $0 + $1.value }
        let kind = scoring == .tfidf ? "cosine of TF-IDF vectors" : "BM25"
        return Explanation(value: total, description: "#\(entryID) \(entry.question) — \(kind), sum of:", details: branches)
    }

    /// Where a term's count in an entry comes from: `question 1×2, answer 3` (count × field weight,
    /// already multiplied for identifiers).
    private func fieldFrequencies(of entry: Entry) -> [String: String] {
        var parts: [String: [String]] = [:]
        for field in fields.analyzedFields(of: entry, analyzer: analyzer) {
            let name = field.field.rawValue
            var counts: [String: Int] = [:]
            for term in field.terms { counts[term.term, default: 0] += fields.multiplicity(of: term) }
            for (term, count) in counts {
                parts[term, default: []].append(field.weight == 1 ? "\(name) \(count)" : "\(name) \(count)×\(field.weight)")
            }
        }
        return parts.mapValues { $0.joined(separator: ", ") }
    }

    private static func queryTF(_ weighted: QueryAnalysis.WeightedTerm?, _ frequency: Double) -> String {
        let origin = weighted?.isFromContext == true ? "conversation" : weighted?.isExpansion == true ? "glossary expansion" : "typed"
        return "weight \(format(frequency)) (\(origin))"
    }

    /// A score or weight: always four decimals, so that 1 and 0.5 read alike (1.0000, 0.5000).
    static func format(_ value: Double) -> String {
        String(format: "%.4f", value)
    }

    /// A count (a term's frequency in an entry, an entry's length): whole when it is.
    static func formatCount(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e6 ? String(Int(value)) : format(value)
    }
}
