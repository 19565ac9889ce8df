import ArgumentParser
import StudyKit

extension DjangoTutor {
    struct Analyze: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the index terms text is reduced to (for corpus authors and debugging).",
            discussion: "--documents prints every entry's indexed terms as JSON lines; scripts/generate-tfidf-fixture reads them.")

        @Argument(help: "Text to analyse.")
        var words: [String] = []

        @Flag(help: "Print each entry's field-weighted terms instead, one JSON object per line.")
        var documents = false

        @OptionGroup var corpusOptions: CorpusOptions

        func run() throws {
            Output.ignoreBrokenPipe()
            let analyzer = Analyzer()
            if documents {
                let corpus = try corpusOptions.load()
                for entry in corpus.entries {
                    Output.line(JSONOutput.document(entry, terms: EntryFields.standard.repeatedTerms(of: entry, analyzer: analyzer)))
                }
                return
            }
            guard !words.isEmpty else { throw ValidationError("Give some text to analyse, or --documents.") }
            let terms = analyzer.analyze(words.joined(separator: " "))
            Output.line(terms.map { $0.term == $0.surface.lowercased() ? $0.term : "\($0.term) (\($0.surface))" }.joined(separator: "\n"))
        }
    }
}
