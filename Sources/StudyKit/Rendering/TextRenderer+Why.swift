import Foundation

extension TextRenderer {
    /// `/why`: what the query became, and how the best entries were scored.
    public func why(_ result: SearchResult, explanations: [Explanation], confidence: MatchConfidence, fusion: Fusion? = nil) -> String {
        let analysis = result.analysis
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
        let typed = analysis.terms.filter { !$0.isExpansion }.map { "\($0.term) \(Searcher.format($0.weight))" }
        if !typed.isEmpty { lines += wrapper.wrap("terms: " + typed.joined(separator: ", "), indent: "    ", firstIndent: "  ") }
        let unknown = analysis.information.filter { !$0.isKnown }.flatMap(\.terms)
        if !unknown.isEmpty { lines.append("  not in any entry: " + unknown.sorted().joined(separator: ", ")) }
        if !analysis.foreignTopics.isEmpty {
            lines.append("  topics this corpus does not teach: " + analysis.foreignTopics.joined(separator: ", "))
        }
        if !analysis.foreignTechnologies.isEmpty {
            lines.append("  technologies this corpus never mentions: " + analysis.foreignTechnologies.joined(separator: ", "))
        }
        let verdict = result.confident ? style.good("confident") : style.bad("not confident")
        var evidence = "best TF-IDF cosine \(String(format: "%.2f", result.bestScore)) (needs \(String(format: "%.2f", confidence.minimumScore)))"
        if let match = result.bestMatch {
            let discount =
                match.isEvidenceFromPhrasing ? "a learner's phrasing, which counts \(String(format: "%.2f", match.phrasingDiscount)) less; " : ""
            evidence +=
                ", closest in meaning \(String(format: "%.2f", match.evidence)) (\(discount)needs \(String(format: "%.2f", confidence.minimumSimilarity)), "
                + "or \(String(format: "%.2f", confidence.sufficientSimilarity)) alone)"
            if let uncovered = result.uncoveredEvidence, confidence.isUncovered(similarity: match.evidence, uncoveredSimilarity: uncovered) {
                evidence +=
                    ", but a question this corpus lists as one it does not answer\(result.uncoveredQuestion.map { " (“\($0)”)" } ?? "") "
                    + "comes closer, \(String(format: "%.2f", uncovered)) "
                    + "(counted like a phrasing\(confidence.uncoveredMargin > 0 ? ", and by more than \(String(format: "%.2f", confidence.uncoveredMargin))" : ""))"
            }
        }
        var coverage = "the best entry covers \(Int((result.coverage * 100).rounded()))% of the query"
        let neededCoverage = "\(Int(confidence.foreignTopicCoverage * 100))%"
        if !analysis.foreignTopics.isEmpty {
            coverage += " (needs \(neededCoverage) when it names a topic not taught here)"
        } else if !analysis.foreignTechnologies.isEmpty {
            let closeEnough = result.bestSimilarity == nil ? "" : ", or closeness in meaning \(String(format: "%.2f", confidence.sufficientSimilarity))"
            coverage += " (needs \(neededCoverage) when it names a technology not taught here\(closeEnough))"
        }
        lines += wrapper.wrap("\(verdict): \(evidence), \(coverage)", indent: "    ", firstIndent: "  ")
        if let fusion, result.bestSimilarity != nil {
            let weighsPieces = if case .linear(_, let pieceWeight) = fusion { pieceWeight > 0 } else { false }
            let pieces =
                weighsPieces && result.hits.contains { $0.pieceScore != nil }
                ? ", word pieces (each of the query's matched with the entry's closest, in context)" : ""
            lines += wrapper.wrap(
                "ranked by \(fusion.name): words (the lexical score below, over its ceiling)\(pieces) and meaning "
                    + "(cosine of sentence embeddings)", indent: "    ", firstIndent: "  ")
            for hit in result.hits.prefix(3) {
                let through = hit.isThroughPhrasing ? " (via a learner's phrasing\(hit.phrasing.map { ": “\($0)”" } ?? ""))" : ""
                lines.append("    #\(hit.entry.id)  \(String(format: "%.4f", hit.score)) = \(Self.parts(of: hit, fusion: fusion))\(through)")
            }
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
        let number = { (value: Double) in String(format: "%.4f", value) }
        switch fusion {
        case .linear(let weight, let pieceWeight):
            // Without pieces, the cosine stands in for them (`Fusion.combine`).
            let meaningWeight = 1 - weight - (hit.pieceScore == nil ? 0 : pieceWeight)
            let pieces = hit.pieceScore.map { pieceWeight * $0 } ?? 0
            let words = weight > 0 ? (hit.score - pieces - meaningWeight * meaning) / weight : 0
            let piecesPart = hit.pieceScore.map { pieceWeight > 0 ? " + \(Searcher.format(pieceWeight)) × pieces \(number($0))" : "" } ?? ""
            return "\(Searcher.format(weight)) × words \(number(words))\(piecesPart) + \(Searcher.format(meaningWeight)) × meaning \(number(meaning))"
        case .reciprocalRank:
            return "reciprocal ranks of words \(number(hit.lexicalScore)) and meaning \(number(meaning))"
        }
    }

    private func tree(_ node: Explanation, depth: Int) -> [String] {
        let indent = String(repeating: "  ", count: depth)
        let value = String(format: "%.4f", node.value)
        var lines = wrapper.wrap(
            "\(depth == 0 ? style.bold(value) : value) = \(node.description)",
            indent: indent + "         ", firstIndent: indent)
        for detail in node.details { lines += tree(detail, depth: depth + 1) }
        return lines
    }
}
