import ArgumentParser
import Foundation
import StudyKit

extension DjangoTutor {
    struct Evaluate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure retrieval on a labelled query set (for corpus and glossary authors).",
            discussion: """
                The file has one JSON object per line: {"q": "...", "kind": "keyword", "expect": [35]}; \
                an empty expect marks an off-topic query. --report writes the full comparison of scorers, \
                field weights and confidence thresholds as Markdown (docs/retrieval-quality.md).
                """)

        @Argument(help: "The labelled queries (JSON lines).")
        var queries: String

        @Flag(help: "Print the full Markdown comparison instead of one summary.")
        var report = false

        @Option(help: ArgumentHelp("The heading of the --report section.", valueName: "text"))
        var title: String?

        @Option(help: ArgumentHelp("Also measure grading on this JSON file of good / partial / wrong answers.", valueName: "file"))
        var grading: String?

        @Flag(help: "List every miss (wrong best entry, or wrong confidence); refused for a test split.")
        var misses = false

        @Flag(help: "Print each query's ranking and confidence features as JSON lines, for tuning; refused for a test split.")
        var features = false

        @OptionGroup var corpusOptions: CorpusOptions
        @OptionGroup var searchOptions: SearchOptions

        func run() throws {
            Output.ignoreBrokenPipe()
            if misses || features, Self.isTestSplit(queries) {
                throw CLIError("\(queries) is a frozen test split: only its aggregate figures may be read while tuning. "
                    + "Look at the misses of the dev split instead (Evaluation/README.md).")
            }
            let labelled = try Self.load(queries)
            let corpus = try corpusOptions.load()
            if report {
                let glossary = searchOptions.noGlossary ? Glossary.empty : try corpusOptions.glossary()
                let semantic = searchOptions.noSemantic ? nil : SemanticSignal.index(for: corpus, isBuiltIn: corpusOptions.corpus == nil)
                let comparison = RetrievalComparison(queries: labelled, corpus: corpus, glossary: glossary, semantic: semantic)
                Output.write(comparison.markdown(title: title ?? queries, queryFile: queries, isTestSplit: Self.isTestSplit(queries)))
                if let grading {
                    let report = GradingReport(answers: try Self.loadAnswers(grading), grader: Grader(searcher: try searchOptions.searcher(for: corpus, from: corpusOptions)))
                    Output.write("\n" + report.markdown(answerFile: grading))
                }
                return
            }
            let searcher = try searchOptions.searcher(for: corpus, from: corpusOptions)
            if features {
                for query in labelled {
                    let result = searcher.search(query.q, limit: searcher.corpus.entries.count)
                    Output.line(JSONOutput.encode(FeatureRow(
                        q: query.q, kind: query.kind, expect: query.expect, corrected: result.correctedQuery,
                        semanticQuery: searcher.semantic == nil ? nil : searcher.semanticQuery(result.analysis),
                        got: result.hits.map(\.entry.id), scores: result.hits.map(\.score),
                        lexical: result.hits.map(\.lexicalScore), semantic: result.hits.map(\.semanticSimilarity), best: result.bestScore, coverage: result.coverage,
                        corpusCoverage: result.analysis.corpusCoverage, expansions: result.analysis.expansions.count,
                        foreign: result.analysis.foreignTopics.count)))
                }
                return
            }
            let result = RetrievalReport(queries: labelled, searcher: searcher)
            Output.line(RetrievalComparison.summaryTable([("current", result)]))
            Output.line("")
            Output.line(RetrievalComparison.kindTable(result))
            if misses {
                for miss in result.misses {
                    Output.line("\(miss.query.kind)\t\(miss.query.q)\texpected \(miss.query.expect)\tgot \(miss.got)\(miss.confident ? "" : " (not confident)")")
                }
            }
        }

        struct FeatureRow: Encodable {
            let q: String
            let kind: String
            let expect: [Int]
            let corrected: String?
            let semanticQuery: String?
            let got: [Int]
            let scores: [Double]
            let lexical: [Double]
            let semantic: [Double?]
            let best: Double
            let coverage: Double
            let corpusCoverage: Double
            let expansions: Int
            let foreign: Int
        }

        /// Test splits are named `…-test.jsonl` / `…-test.json` (Evaluation/README.md).
        static func isTestSplit(_ path: String) -> Bool {
            URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent.hasSuffix("-test")
        }

        static func loadAnswers(_ path: String) throws -> [GradingReport.LabelledAnswers] {
            do {
                return try JSONDecoder().decode([GradingReport.LabelledAnswers].self, from: Data(contentsOf: URL(fileURLWithPath: path)))
            } catch {
                throw CLIError("\(path): not a list of {\"id\", \"good\", \"partial\", \"wrong\"} answers (\(error.localizedDescription)).")
            }
        }

        static func load(_ path: String) throws -> [LabelledQuery] {
            let text: String
            do {
                text = try String(contentsOfFile: path, encoding: .utf8)
            } catch {
                throw CLIError("\(path): cannot read the file (\(error.localizedDescription)).")
            }
            var queries: [LabelledQuery] = []
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where !line.trimmingCharacters(in: .whitespaces).isEmpty {
                do {
                    queries.append(try JSONDecoder().decode(LabelledQuery.self, from: Data(line.utf8)))
                } catch {
                    throw CLIError("\(path):\(number + 1): not a labelled query. Write {\"q\": \"...\", \"kind\": \"...\", \"expect\": [N]}.")
                }
            }
            return queries
        }
    }
}
