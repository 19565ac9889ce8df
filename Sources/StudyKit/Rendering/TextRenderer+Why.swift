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
            lines += wrapper.wrap(
                "ranked by \(fusion.name): words (the lexical score below, over its ceiling), word pieces (each of the "
                    + "query's matched with the entry's closest, in context) and meaning (cosine of sentence embeddings)",
                indent: "    ", firstIndent: "  ")
            for hit in result.hits.prefix(3) {
                let meaning = hit.semanticSimilarity ?? 0
                let parts: String
                switch fusion {
                case .linear(let weight, let pieceWeight):
                    let pieces = hit.pieceScore ?? meaning
                    let meaningWeight = 1 - weight - pieceWeight
                    let words = weight > 0 ? (hit.score - pieceWeight * pieces - meaningWeight * meaning) / weight : 0
                    let piecesPart = pieceWeight > 0 && hit.pieceScore != nil ? " + \(Searcher.format(pieceWeight)) × pieces \(String(format: "%.4f", pieces))" : ""
                    let meaningPart = hit.pieceScore == nil ? meaningWeight + pieceWeight : meaningWeight
                    parts =
                        "\(Searcher.format(weight)) × words \(String(format: "%.4f", words))\(piecesPart) + \(Searcher.format(meaningPart)) × meaning \(String(format: "%.4f", meaning))"
                case .reciprocalRank:
                    parts = "reciprocal ranks of words \(String(format: "%.4f", hit.lexicalScore)) and meaning \(String(format: "%.4f", meaning))"
                }
                let through = hit.isThroughPhrasing ? " (via a learner's phrasing\(hit.phrasing.map { ": “\($0)”" } ?? ""))" : ""
                lines.append("    #\(hit.entry.id)  \(String(format: "%.4f", hit.score)) = \(parts)\(through)")
            }
        }
        for explanation in explanations {
            lines.append("")
            lines += tree(explanation, depth: 0)
        }
        return lines.joined(separator: "\n")
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
