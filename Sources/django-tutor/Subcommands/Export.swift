import ArgumentParser
import Foundation
import StudyKit

extension DjangoTutor {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the review log (every rating, with its answer) as CSV or JSON.",
            discussion: "Exports every corpus's reviews unless --corpus is given.")

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case csv, json
        }

        @Option(help: "csv or json.")
        var format: Format = .csv

        @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
        var output: String?

        @OptionGroup var corpusOptions: CorpusOptions
        @OptionGroup var progressOptions: ProgressOptions

        func run() throws {
            Output.ignoreBrokenPipe()
            let store = progressOptions.open()
            let corpus = try corpusOptions.load()
            let reviews = try store.reviews(corpus: corpusOptions.corpus == nil ? nil : corpus.identity)
            let text = format == .csv ? ReviewExport.csv(reviews, corpus: corpus) : ReviewExport.json(reviews, corpus: corpus)
            guard let output else {
                Output.write(text)
                return
            }
            do {
                try text.write(toFile: output, atomically: true, encoding: .utf8)
            } catch {
                throw CLIError("Cannot write \(output): \(error.localizedDescription)")
            }
            Output.error("Wrote \(reviews.count) reviews to \(output).")
        }
    }
}
