import Foundation

extension TextRenderer {
    /// `/why`: what the query became, and how the best entries were scored. Every score and
    /// weight has four decimals (`Searcher.format`); `scoring` is what ranks by words.
    public func why(
        _ result: SearchResult, explanations: [Explanation], confidence: MatchConfidence, scoring: Scoring, fusion: Fusion? = nil
    ) -> String {
        let analysis = result.analysis
        let number = Searcher.format
        var lines = [style.bold("Why these results for “\(result.query)”")]
        for correction in analysis.corrections {
            lines.append("  spelling: \(correction.typed) → \(correction.corrected)")
        }
        for expansion in analysis.expansions {
            let kind = expansion.isSynonym ? "synonym" : "glossary"
            lines += wrapper.wrap(
                "\(kind) (line \(expansion.line)): “\(expansion.trigger)” adds \(expansion.expansion), at half weight",
                indent: "    ", firstIndent: "  ")
        }
        let typed = analysis.terms.filter { !$0.isExpansion && !$0.isFromContext }.map { "\($0.term) \(Searcher.format($0.weight))" }
        if !typed.isEmpty { lines += wrapper.wrap("terms: " + typed.joined(separator: ", "), indent: "    ", firstIndent: "  ") }
        let context = analysis.terms.filter(\.isFromContext).map { "\($0.term) \(Searcher.format($0.weight))" }
        if !context.isEmpty {
            lines += wrapper.wrap("from the conversation: " + context.joined(separator: ", "), indent: "    ", firstIndent: "  ")
        }
        let unknown = analysis.information.filter { !$0.isKnown }.flatMap(\.terms)
        if !unknown.isEmpty { lines.append("  not in any entry: " + unknown.sorted().joined(separator: ", ")) }
        if !analysis.foreignTopics.isEmpty {
            lines.append("  topics this corpus does not teach: " + analysis.foreignTopics.joined(separator: ", "))
        }
        if !analysis.foreignTechnologies.isEmpty {
            lines.append("  technologies this corpus never mentions: " + analysis.foreignTechnologies.joined(separator: ", "))
        }
        if !analysis.unknownNames.isEmpty && result.bestSimilarity != nil {
            lines.append("  names no entry uses: " + analysis.unknownNames.joined(separator: ", "))
        }
        let verdict = result.confident ? style.good("confident") : style.bad("not confident")
        // Confidence reads the TF-IDF cosine whatever ranks (`Searcher.search`): say so when BM25 ranks.
        let whateverRanks = scoring == .tfidf ? "" : "confidence reads it whatever ranks; "
        var evidence = "best TF-IDF cosine \(number(result.bestScore)) (\(whateverRanks)needs \(number(confidence.minimumScore)))"
        if let match = result.bestMatch {
            let discount =
                match.isEvidenceFromPhrasing ? "a learner's phrasing, which counts \(number(match.phrasingDiscount)) less; " : ""
            evidence +=
                ", closest in meaning \(number(match.evidence)) (\(discount)needs \(number(confidence.minimumSimilarity)), "
                + "or \(number(confidence.sufficientSimilarity)) alone)"
            if let uncovered = result.uncoveredEvidence, confidence.isUncovered(similarity: match.evidence, uncoveredSimilarity: uncovered) {
                evidence +=
                    ", but a question this corpus lists as one it does not answer\(result.uncoveredQuestion.map { " (“\($0)”)" } ?? "") "
                    + "comes closer, \(number(uncovered)) "
                    + "(counted like a phrasing\(confidence.uncoveredMargin > 0 ? ", and by more than \(number(confidence.uncoveredMargin))" : ""))"
            }
        }
        var coverage = "the best entry covers \(Int((result.coverage * 100).rounded()))% of the query"
        let neededCoverage = "\(Int(confidence.foreignTopicCoverage * 100))%"
        if !analysis.foreignTopics.isEmpty {
            coverage += " (needs \(neededCoverage) when it names a topic not taught here)"
        } else if !analysis.foreignTechnologies.isEmpty {
            let closeEnough = result.bestSimilarity == nil ? "" : ", or closeness in meaning \(number(confidence.sufficientSimilarity))"
            coverage += " (needs \(neededCoverage) when it names a technology not taught here\(closeEnough))"
        } else if !analysis.unknownNames.isEmpty && result.bestSimilarity != nil {
            coverage += " (needs \(neededCoverage), or closeness in meaning \(number(confidence.sufficientSimilarity)), when it names what no entry uses)"
        }
        lines += wrapper.wrap("\(verdict): \(evidence), \(coverage)", indent: "    ", firstIndent: "  ")
        let lexical = scoring == .tfidf ? "TF-IDF cosine" : "BM25"
        let below = explanations.isEmpty ? "" : ", the score below"
        if let fusion, result.bestSimilarity != nil {
            let weighsPieces = if case .linear(_, let pieceWeight) = fusion { pieceWeight > 0 } else { false }
            let pieces =
                weighsPieces && result.hits.contains { $0.pieceScore != nil }
                ? ", word pieces (each of the query's matched with the entry's closest, in context)" : ""
            let method = if case .reciprocalRank(let k) = fusion { "reciprocal ranks (k \(Int(k)))" } else { "a weighted sum" }
            let ceiling = scoring == .tfidf ? "" : " over its ceiling"
            lines += wrapper.wrap(
                "ranked by \(method) of words (\(lexical)\(ceiling)\(below))\(pieces) and meaning (cosine of sentence embeddings)",
                indent: "    ", firstIndent: "  ")
            let rows = result.hits.prefix(3)
            let idWidth = rows.map { TextStyle.visibleWidth("#\($0.entry.id)") }.max() ?? 0
            let scoreWidth = rows.map { number($0.score).count }.max() ?? 0
            for hit in rows {
                let through = hit.isThroughPhrasing ? " (via a learner's phrasing\(hit.phrasing.map { ": “\($0)”" } ?? ""))" : ""
                let score = String(repeating: " ", count: scoreWidth - number(hit.score).count) + number(hit.score)
                let lead = "    " + Self.pad("#\(hit.entry.id)", to: idWidth) + "  \(score) = "
                lines += wrapper.wrap(
                    Self.parts(of: hit, fusion: fusion) + through,
                    indent: String(repeating: " ", count: TextStyle.visibleWidth(lead)), firstIndent: lead)
            }
        } else if !result.hits.isEmpty {
            lines += wrapper.wrap("ranked by words alone (\(lexical)\(below))", indent: "    ", firstIndent: "  ")
        }
        for explanation in explanations {
            lines.append("")
            lines += tree(explanation, depth: 0)
        }
        return lines.joined(separator: "\n")
    }

    /// How `fusion` made the hit's score of its signals; the words' part is what the others leave.
    private static func parts(of hit: SearchHit, fusion: Fusion) -> String {
        let meaning = hit.semanticSimilarity ?? 0
        let number = Searcher.format
        switch fusion {
        case .linear(let weight, let pieceWeight):
            // Without pieces, the cosine stands in for them (`Fusion.combine`).
            let meaningWeight = 1 - weight - (hit.pieceScore == nil ? 0 : pieceWeight)
            let pieces = hit.pieceScore.map { pieceWeight * $0 } ?? 0
            let words = weight > 0 ? (hit.score - pieces - meaningWeight * meaning) / weight : 0
            let piecesPart = hit.pieceScore.map { pieceWeight > 0 ? " + \(number(pieceWeight)) × pieces \(number($0))" : "" } ?? ""
            return "\(number(weight)) × words \(number(words))\(piecesPart) + \(number(meaningWeight)) × meaning \(number(meaning))"
        case .reciprocalRank:
            return "reciprocal ranks of words \(number(hit.lexicalScore)) and meaning \(number(meaning))"
        }
    }

    private func tree(_ node: Explanation, depth: Int) -> [String] {
        let indent = String(repeating: "  ", count: depth)
        let value = Searcher.format(node.value)
        // Wrapped text lines up after "value = ", however wide the value.
        var lines = wrapper.wrap(
            "\(depth == 0 ? style.bold(value) : value) = \(node.description)",
            indent: String(repeating: " ", count: TextStyle.visibleWidth(indent + value + " = ")), firstIndent: indent)
        for detail in node.details { lines += tree(detail, depth: depth + 1) }
        return lines
    }
}
