import ArgumentParser
import StudyKit

extension DjangoTutor {
    struct Ask: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Answer a question from the corpus.",
            discussion: """
                With no question and standard input not a terminal, answers one question per input line \
                (one JSON object per line with --json); blank lines are skipped. With --conversation, each \
                line is read in the light of the ones before it, as the interactive tutor reads them \
                ("and an app?"), and a blank line starts a new conversation.
                """)

        @Argument(help: "The question; quotes are optional.")
        var words: [String] = []

        @Option(help: "How many entries to return: the best one and the rest as \"See also\".")
        var limit = 3

        @Flag(help: "Print one JSON object per question.")
        var json = false

        @Flag(help: "Also show how the answer was found: corrections, glossary expansions, each term's weight.")
        var explain = false

        @Flag(help: "Read piped questions as one conversation: follow-ups in the light of what came before; a blank line starts anew.")
        var conversation = false

        @OptionGroup var corpusOptions: CorpusOptions
        @OptionGroup var searchOptions: SearchOptions
        @OptionGroup var output: OutputOptions

        /// How many piped questions, at most, are searched together when they are there to read.
        static let batchSize = 64

        static func explanations(_ result: SearchResult, _ searcher: Searcher) -> [Explanation] {
            result.hits.prefix(2).compactMap { searcher.explain(result, entry: $0.entry.id) }
        }

        func validate() throws {
            guard limit >= 1 else { throw ValidationError("--limit must be at least 1 (got \(limit)).") }
            if words.isEmpty && Terminal.isInputInteractive {
                throw ValidationError("Give a question, e.g. django-tutor ask \"what is select_related?\", or pipe questions in, one per line.")
            }
        }

        func run() throws {
            Output.ignoreBrokenPipe()
            let searcher = try searchOptions.searcher(for: try corpusOptions.loadForSearching(), from: corpusOptions)
            let renderer = output.shellRenderer
            var thread = Conversation()
            let answer = { (query: String, alone: SearchResult?) -> String in
                let reading =
                    conversation
                    ? thread.ask(query, with: searcher, limit: limit) : FollowUpReading.alone(alone ?? searcher.search(query, limit: limit))
                let result = reading.result
                if json {
                    let explanations = explain ? Self.explanations(result, searcher) : nil
                    return JSONOutput.search(result, explanations: explanations, followUpOf: conversation ? .some(reading.followUpOf) : nil)
                }
                let note = reading.followUpOf.map { "(following up on #\($0))\n" } ?? ""
                guard explain else { return renderer.fitted(note + renderer.searchResult(result)) }
                return renderer.fitted(
                    note + renderer.searchResult(result) + "\n\n"
                        + renderer.why(
                            result, explanations: Self.explanations(result, searcher), confidence: searcher.confidence, scoring: searcher.scoring,
                            fusion: searcher.fusion))
            }
            if !words.isEmpty {
                Output.line(answer(words.joined(separator: " "), nil))
                Output.endWithoutTeardown()
            }
            var first = true
            var input = StandardInput(limit: Searcher.queryLimit)
            while case let lines = input.next(upTo: conversation ? 1 : Self.batchSize), !lines.isEmpty {
                let queries = lines.map { $0.text.trimmingCharacters(in: .whitespaces) }
                // A conversation reads each line after the one before; questions alone are searched together.
                let results = conversation ? [] : searcher.search(queries.filter { !$0.isEmpty }, limit: limit)
                var unanswered = results[...]
                for query in queries {
                    guard !query.isEmpty else {
                        thread.reset()
                        continue
                    }
                    if !json && !first { Output.line() }
                    Output.line(answer(query, unanswered.popFirst()))
                    first = false
                }
            }
        }
    }
}
