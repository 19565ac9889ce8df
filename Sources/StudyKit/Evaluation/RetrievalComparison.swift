import Foundation

/// Runs one labelled query set through several retrieval configurations (lexical scorer, field
/// weights, glossary, semantic signal and fusion, confidence thresholds) and reports them side by
/// side, as docs/retrieval-quality.md.
public struct RetrievalComparison: Sendable {
    public struct Configuration: Sendable {
        public let name: String
        public let scoring: Scoring
        public let fields: EntryFields
        public let useGlossary: Bool
        /// nil: lexical only.
        public let fusion: Fusion?
        /// Whether the corpus's phrasings (`Phrasings`) count in the semantic signal.
        public let usePhrasings: Bool
        /// What a phrasing counts less as evidence of coverage; nil: the standard discount.
        public let phrasingDiscount: Double?
        /// Whether the questions the corpus lists as not answered (`Phrasings.uncovered`) count.
        public let useUncovered: Bool

        public init(
            name: String, scoring: Scoring, fields: EntryFields = .standard, useGlossary: Bool = true, fusion: Fusion?,
            usePhrasings: Bool = true, phrasingDiscount: Double? = nil, useUncovered: Bool = true
        ) {
            self.name = name
            self.scoring = scoring
            self.fields = fields
            self.useGlossary = useGlossary
            self.fusion = fusion
            self.usePhrasings = usePhrasings
            self.phrasingDiscount = phrasingDiscount
            self.useUncovered = useUncovered
        }
    }

    let queries: [LabelledQuery]
    let corpus: Corpus
    let glossary: Glossary
    let semantic: SemanticIndex?

    public init(queries: [LabelledQuery], corpus: Corpus, glossary: Glossary, semantic: SemanticIndex?) {
        self.queries = queries
        self.corpus = corpus
        self.glossary = glossary
        self.semantic = semantic
    }

    /// What the tutor ships: BM25 fused with sentence embeddings (lexical only without a model).
    public var standard: Configuration {
        Configuration(
            name: semantic == nil ? "bm25" : "bm25 + embeddings, \(Fusion.standard.name)", scoring: .bm25,
            fusion: semantic == nil ? nil : .standard)
    }

    /// The configurations the report compares: the default first.
    public var candidates: [Configuration] {
        var list = [standard]
        if semantic != nil {
            list.append(Configuration(name: "bm25 (lexical only)", scoring: .bm25, fusion: nil))
        }
        list.append(Configuration(name: "tfidf (lexical only)", scoring: .tfidf, fusion: nil))
        list.append(Configuration(name: "bm25, no glossary", scoring: .bm25, useGlossary: false, fusion: semantic == nil ? nil : .standard))
        if let semantic, semantic.hasEntryPhrasings || semantic.hasUncovered {
            list.append(Configuration(name: "bm25 + embeddings, no phrasings", scoring: .bm25, fusion: .standard, usePhrasings: false))
            if semantic.hasUncovered {
                list.append(
                    Configuration(
                        name: "bm25 + embeddings, no questions listed as not covered", scoring: .bm25, fusion: .standard, useUncovered: false))
            }
            for discount in [0, 0.05, 0.15] {
                list.append(
                    Configuration(
                        name: "bm25 + embeddings, a phrasing's evidence less \(discount)", scoring: .bm25, fusion: .standard,
                        phrasingDiscount: discount))
            }
        }
        if semantic != nil {
            list.append(Configuration(name: "sentence embeddings only", scoring: .bm25, fusion: .linear(lexicalWeight: 0)))
            list.append(Configuration(name: "word pieces only", scoring: .bm25, fusion: .linear(lexicalWeight: 0, pieceWeight: 1)))
            let weights = [(0.3, 0.0), (0.2, 0.0), (0.1, 0.3), (0.3, 0.3), (0.4, 0.3), (0.2, 0.2), (0.2, 0.4)]
            for (weight, pieceWeight) in weights {
                let fusion = Fusion.linear(lexicalWeight: weight, pieceWeight: pieceWeight)
                list.append(Configuration(name: "bm25 + embeddings, \(fusion.name)", scoring: .bm25, fusion: fusion))
            }
            list.append(Configuration(name: "tfidf + embeddings, \(Fusion.standard.name)", scoring: .tfidf, fusion: .standard))
            list.append(
                Configuration(
                    name: "bm25 + embeddings, \(Fusion.reciprocalRank(k: 60).name)", scoring: .bm25,
                    fusion: .reciprocalRank(k: 60)))
        }
        for (question, identifier) in [(1, 1), (3, 2)] {
            list.append(
                Configuration(
                    name: "bm25, question ×\(question), identifiers ×\(identifier)", scoring: .bm25,
                    fields: EntryFields(question: question, tags: 1, answer: 1, identifier: identifier), fusion: semantic == nil ? nil : .standard))
        }
        return list
    }

    public func searcher(_ configuration: Configuration, confidence: MatchConfidence? = nil) -> Searcher {
        var semantic = configuration.fusion == nil ? nil : configuration.usePhrasings ? semantic : semantic?.withoutPhrasings
        if let discount = configuration.phrasingDiscount { semantic = semantic?.withPhrasingDiscount(discount) }
        if !configuration.useUncovered { semantic = semantic?.withoutUncovered }
        return Searcher(
            corpus: corpus, glossary: configuration.useGlossary ? glossary : .empty, scoring: configuration.scoring,
            fields: configuration.fields, confidence: confidence,
            semantic: semantic, fusion: configuration.fusion ?? .standard)
    }

    public func report(_ configuration: Configuration) -> RetrievalReport {
        RetrievalReport(queries: queries, searcher: searcher(configuration))
    }

    /// Off-topic F1 (with confident-recall as the tie-break) for each combination of thresholds
    /// of a grid, at the default uncovered margin, best first: how the default thresholds were
    /// chosen.
    public func thresholdSweep(_ configuration: Configuration) -> [(confidence: MatchConfidence, report: RetrievalReport)] {
        let searcher = searcher(configuration)
        let outcomes = RetrievalReport.outcomes(of: queries, searcher: searcher)
        let semantic = configuration.fusion != nil && self.semantic != nil
        let margin = searcher.confidence.uncoveredMargin
        var results: [(MatchConfidence, RetrievalReport)] = []
        for score in stride(from: 0.08, through: 0.26, by: 0.03) {
            for coverage in [0.6, 0.8, 1.01] {
                for minimum in semantic ? [0.15, 0.2, 0.25, 0.3] : [0] {
                    for sufficient in semantic ? [0.45, 0.55, 0.65, 1.01] : [0] {
                        let confidence = MatchConfidence(
                            minimumScore: score, foreignTopicCoverage: coverage, minimumSimilarity: minimum,
                            sufficientSimilarity: sufficient, uncoveredMargin: margin)
                        results.append((confidence, RetrievalReport(outcomes: outcomes, confidence: confidence)))
                    }
                }
            }
        }
        return results.sorted {
            Self.offTopicF1($0.1) != Self.offTopicF1($1.1) ? Self.offTopicF1($0.1) > Self.offTopicF1($1.1) : $0.1.confidentRecall > $1.1.confidentRecall
        }
    }

    /// The default configuration's figures at each uncovered margin, the other thresholds kept:
    /// how the margin was chosen.
    public func uncoveredMarginSweep(_ configuration: Configuration) -> [(margin: Double, report: RetrievalReport)] {
        let searcher = searcher(configuration)
        let outcomes = RetrievalReport.outcomes(of: queries, searcher: searcher)
        return [0, 0.05, 0.1, 0.15, 0.2, .infinity].map { margin in
            var confidence = searcher.confidence
            confidence.uncoveredMargin = margin
            return (margin, RetrievalReport(outcomes: outcomes, confidence: confidence))
        }
    }

    private static func margin(_ value: Double) -> String {
        value.isFinite ? String(format: "%.2f", value) : "∞"
    }

    static func offTopicF1(_ report: RetrievalReport) -> Double {
        let sum = report.offTopicPrecision + report.offTopicRecall
        return sum > 0 ? 2 * report.offTopicPrecision * report.offTopicRecall / sum : 0
    }

    /// One section of docs/retrieval-quality.md. A test split gets aggregate figures only: its
    /// misses and threshold sweeps are for nobody's eyes while tuning (Evaluation/README.md).
    public func markdown(title: String, queryFile: String, isTestSplit: Bool) -> String {
        let rows = candidates.map { ($0.name, report($0)) }
        let defaultReport = rows[0].1
        var text = """
            ## \(title)

            From `\(queryFile)`: \(queries.count) labelled queries, \(queries.filter(\.isOffTopic).count) of them off-topic, \
            over \(corpus.entries.count) entries.

            ### The default: \(standard.name)

            \(Self.kindTable(defaultReport))

            | overall | value |
            | --- | --- |
            | top-1, all on-topic kinds | \(Self.percent(defaultReport.topOne)) |
            | lowest top-1 of any kind | \(Self.percent(defaultReport.worstKindTopOne)) |
            | MRR@3, all on-topic kinds | \(String(format: "%.3f", defaultReport.mrrAtThree)) |
            | off-topic flagged (recall) | \(Self.percent(defaultReport.offTopicRecall)) |
            | off-topic precision | \(Self.percent(defaultReport.offTopicPrecision)) |
            | on-topic answered confidently | \(Self.percent(defaultReport.confidentRecall)) |
            | confident answers that are right | \(Self.percent(defaultReport.confidentPrecision)) |

            ### Configurations compared

            Each with the confidence thresholds of its kind (lexical only, or with embeddings).

            \(Self.summaryTable(rows))

            """
        guard !isTestSplit else { return text }
        text += """

            ### Confidence thresholds

            `confident` needs the best TF-IDF cosine to reach a minimum (and, with embeddings, the best \
            entry's cosine similarity to reach its own minimum), or the similarity alone to be high \
            enough; a query naming a topic the glossary lists as not covered needs the best entry to cover \
            a share of its information; and no question the corpus lists as one it does not answer may \
            come closer than the corpus, by more than the uncovered margin (below). The best settings by \
            off-topic F1 for the default:

            | min score | foreign-topic coverage | min similarity | sufficient similarity | off-topic precision | off-topic recall | confident recall |
            | --- | --- | --- | --- | --- | --- | --- |

            """
        for (confidence, report) in thresholdSweep(standard).prefix(8) {
            text +=
                "| \(String(format: "%.2f", confidence.minimumScore)) | \(String(format: "%.1f", confidence.foreignTopicCoverage)) | "
                + "\(String(format: "%.2f", confidence.minimumSimilarity)) | \(String(format: "%.2f", confidence.sufficientSimilarity)) | "
                + "\(Self.percent(report.offTopicPrecision)) | \(Self.percent(report.offTopicRecall)) | \(Self.percent(report.confidentRecall)) |\n"
        }
        if semantic?.hasUncovered == true {
            text +=
                "\nThe uncovered margin, the other thresholds kept (∞: not used):\n\n"
                + "| uncovered margin | off-topic precision | off-topic recall | confident recall |\n| --- | --- | --- | --- |\n"
            for (margin, report) in uncoveredMarginSweep(standard) {
                text +=
                    "| \(Self.margin(margin)) | \(Self.percent(report.offTopicPrecision)) | \(Self.percent(report.offTopicRecall)) | "
                    + "\(Self.percent(report.confidentRecall)) |\n"
            }
        }
        let defaults = searcher(standard).confidence
        text +=
            "\nThe tutor uses min score \(String(format: "%.2f", defaults.minimumScore)), foreign-topic coverage "
            + "\(String(format: "%.1f", defaults.foreignTopicCoverage)), min similarity \(String(format: "%.2f", defaults.minimumSimilarity)), "
            + "sufficient similarity \(String(format: "%.2f", defaults.sufficientSimilarity)), "
            + "uncovered margin \(Self.margin(defaults.uncoveredMargin)).\n"
        text += "\n### Misses of the default (dev split)\n\n| kind | query | expected | got (top 3) | confident |\n| --- | --- | --- | --- | --- |\n"
        for miss in defaultReport.misses {
            let query = miss.query.q.replacingOccurrences(of: "|", with: "\\|")
            text += "| \(miss.query.kind) | \(query) | \(miss.query.expect) | \(miss.got) | \(miss.confident ? "yes" : "no") |\n"
        }
        return text
    }

    public static func kindTable(_ report: RetrievalReport) -> String {
        var lines = ["| kind | queries | top-1 | MRR@3 | confident |", "| --- | --- | --- | --- | --- |"]
        for kind in report.kinds {
            let isOff = kind.kind == "offtopic"
            lines.append(
                "| \(kind.kind) | \(kind.count) | \(isOff ? "–" : percent(kind.topOne)) | "
                    + "\(isOff ? "–" : String(format: "%.3f", kind.mrrAtThree)) | \(percent(kind.confidentShare)) |")
        }
        return lines.joined(separator: "\n")
    }

    public static func summaryTable(_ rows: [(String, RetrievalReport)]) -> String {
        var lines = [
            "| configuration | top-1 | lowest kind | MRR@3 | off-topic precision | off-topic flagged | on-topic confident |",
            "| --- | --- | --- | --- | --- | --- | --- |",
        ]
        for (name, report) in rows {
            lines.append(
                "| \(name) | \(percent(report.topOne)) | \(percent(report.worstKindTopOne)) | "
                    + "\(String(format: "%.3f", report.mrrAtThree)) | \(percent(report.offTopicPrecision)) | "
                    + "\(percent(report.offTopicRecall)) | \(percent(report.confidentRecall)) |")
        }
        return lines.joined(separator: "\n")
    }

    static func percent(_ value: Double) -> String {
        String(format: "%.1f%%", value * 100)
    }
}
