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

        @Argument(help: "The labelled queries (JSON lines); none with --grading alone.")
        var queries: String?

        @Flag(help: "Print the full Markdown comparison instead of one summary.")
        var report = false

        @Option(help: ArgumentHelp("The heading of the --report or --grading section.", valueName: "text"))
        var title: String?

        @Option(help: ArgumentHelp("Measure grading on this JSON file of good / partial / wrong answers.", valueName: "file"))
        var grading: String?

        @Flag(help: "With --grading, print every answer's grade as JSON lines, for tuning; refused for a test split.")
        var grades = false

        @Option(help: ArgumentHelp("Measure conversations on this JSON-lines file of labelled dialogues.", valueName: "file"))
        var conversations: String?

        @Flag(help: "With --grading, grade by key terms alone, without the corpus's rubric.")
        var noRubric = false

        @Flag(help: "List every miss (wrong best entry, or wrong confidence); refused for a test split.")
        var misses = false

        @Flag(help: "Print each query's ranking and confidence features as JSON lines, for tuning; refused for a test split.")
        var features = false

        @OptionGroup var corpusOptions: CorpusOptions
        @OptionGroup var searchOptions: SearchOptions

        func validate() throws {
            if queries == nil && grading == nil && conversations == nil {
                throw ValidationError("Give a file of labelled queries, or --grading FILE, or --conversations FILE.")
            }
        }

        func run() throws {
            Output.ignoreBrokenPipe()
            for file in [queries, grades ? grading : nil, conversations].compactMap({ $0 }) where (misses || features || grades) && Self.isTestSplit(file) {
                throw CLIError(
                    "\(file) is a frozen test split: only its aggregate figures may be read while tuning. "
                        + "Look at the dev split instead (Evaluation/README.md).")
            }
            let corpus = try corpusOptions.load()
            if let conversations {
                let searcher = try searchOptions.searcher(for: corpus, from: corpusOptions)
                let labelled = try Self.loadLines(conversations, as: ConversationReport.LabelledConversation.self)
                let report = ConversationReport(conversations: labelled, searcher: searcher)
                Output.write(report.markdown(title: title ?? "Conversations", file: conversations))
                if misses { Output.write("\n" + report.misses.map { "- " + $0 }.joined(separator: "\n") + "\n") }
                guard queries != nil || grading != nil else { return }
                Output.line()
            }
            if let grading {
                let searcher = try searchOptions.searcher(for: corpus, from: corpusOptions)
                let answers = try Self.loadAnswers(grading)
                let rubric = noRubric ? .empty : try corpusOptions.rubric(for: corpus)
                if grades {
                    printGrades(answers, grader: Grader(searcher: searcher, rubric: rubric, names: try corpusOptions.referenceNames()))
                } else {
                    let report = GradingReport(answers: answers, grader: Grader(searcher: searcher, rubric: rubric, names: try corpusOptions.referenceNames()))
                    Output.write(report.markdown(answerFile: grading, showRows: !Self.isTestSplit(grading), title: title ?? "Grading"))
                }
                guard queries != nil else { return }
                Output.line()
            }
            guard let queries else { return }
            let labelled = try Self.load(queries)
            if report {
                let comparison = RetrievalComparison(
                    queries: labelled, corpus: corpus, glossary: try searchOptions.glossary(from: corpusOptions),
                    semantic: searchOptions.semanticIndex(
                        for: corpus, phrasings: try searchOptions.phrasings(for: corpus, from: corpusOptions), from: corpusOptions))
                Output.write(comparison.markdown(title: title ?? queries, queryFile: queries, isTestSplit: Self.isTestSplit(queries)))
                return
            }
            let searcher = try searchOptions.searcher(for: corpus, from: corpusOptions)
            if features {
                for query in labelled {
                    let result = searcher.search(query.q, limit: searcher.corpus.entries.count)
                    Output.line(
                        JSONOutput.encode(
                            FeatureRow(
                                q: query.q, kind: query.kind, expect: query.expect, corrected: result.correctedQuery,
                                semanticQuery: searcher.semantic == nil ? nil : searcher.semanticQuery(result.analysis),
                                got: result.hits.map(\.entry.id), scores: result.hits.map(\.score),
                                lexical: result.hits.map(\.lexicalScore), semantic: result.hits.map(\.semanticSimilarity), best: result.bestScore,
                                evidence: result.bestSimilarity, uncoveredEvidence: result.uncoveredEvidence,
                                coverage: result.coverage,
                                corpusCoverage: result.analysis.corpusCoverage, expansions: result.analysis.expansions.count,
                                foreign: result.analysis.foreignTopics.count,
                                foreignTechnologies: result.analysis.foreignTechnologies.count, unknownNames: result.analysis.unknownNames)))
                }
                return
            }
            let result = RetrievalReport(queries: labelled, searcher: searcher)
            Output.line(RetrievalComparison.summaryTable([("current", result)]))
            Output.line("")
            Output.line(RetrievalComparison.kindTable(result))
            if misses {
                for miss in result.misses {
                    Output.line(
                        "\(miss.query.kind)\t\(miss.query.q)\texpected \(miss.query.expect)\tgot \(miss.got)\(miss.confident ? "" : " (not confident)")")
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
            /// The best entry's closeness in meaning as evidence of coverage (`SemanticMatch.evidence`).
            let evidence: Double?
            /// The closest question the corpus lists as not covered, as evidence (`SearchResult.uncoveredEvidence`).
            let uncoveredEvidence: Double?
            let coverage: Double
            let corpusCoverage: Double
            let expansions: Int
            let foreign: Int
            let foreignTechnologies: Int
            let unknownNames: [String]
        }

        /// Test splits are named `…-test.jsonl` / `…-test.json` (Evaluation/README.md).
        static func isTestSplit(_ path: String) -> Bool {
            URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent.hasSuffix("-test")
        }

        /// Every answer's grade, a JSON line each: for tuning the grader on a dev split.
        private func printGrades(_ answers: [GradingReport.LabelledAnswers], grader: Grader) {
            for item in answers {
                let labelled = [
                    ("good", item.good), ("partial", item.partial), ("wrong", item.wrong),
                    ("good", item.good2), ("partial", item.partial2), ("wrong", item.wrong2),
                ]
                for (quality, answer) in labelled {
                    guard let answer, let grade = grader.grade(answer, forEntry: item.id) else { continue }
                    Output.line(
                        #"{"quality": "\#(quality)", "grade": \#(JSONOutput.grade(grade)), "features": \#(JSONOutput.gradingFeatures(grade)), "#
                            + #""answer": \#(JSONOutput.encode(answer))}"#)
                }
            }
        }

        static func loadAnswers(_ path: String) throws -> [GradingReport.LabelledAnswers] {
            do {
                return try JSONDecoder().decode([GradingReport.LabelledAnswers].self, from: Data(contentsOf: URL(fileURLWithPath: path)))
            } catch {
                throw CLIError("\(path): not a list of {\"id\", \"good\", \"partial\", \"wrong\"} answers (\(error.localizedDescription)).")
            }
        }

        static func load(_ path: String) throws -> [LabelledQuery] {
            try loadLines(path, as: LabelledQuery.self, expected: #"{"q": "...", "kind": "...", "expect": [N]}"#)
        }

        /// One JSON object a line, blank lines skipped; a line that is not one names its number.
        static func loadLines<Item: Decodable>(
            _ path: String, as type: Item.Type, expected: String = #"{"id": "...", "turns": [{"say": "...", "kind": "...", "expect": [N]}]}"#
        ) throws -> [Item] {
            let text: String
            do {
                text = try String(contentsOfFile: path, encoding: .utf8)
            } catch {
                throw CLIError("\(path): cannot read the file (\(error.localizedDescription)).")
            }
            var items: [Item] = []
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where !line.trimmingCharacters(in: .whitespaces).isEmpty {
                do {
                    items.append(try JSONDecoder().decode(Item.self, from: Data(line.utf8)))
                } catch {
                    throw CLIError("\(path):\(number + 1): not what this file holds. Write \(expected).")
                }
            }
            return items
        }
    }
}
