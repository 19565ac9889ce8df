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

        @Option(help: "csv or json (default: from the -o file's extension, else csv).")
        var format: Format?

        @Option(
            name: .shortAndLong,
            help: ArgumentHelp(
                "Write to this file instead of standard output: a new file is private (0600); an existing one is replaced, keeping its mode; a device or FIFO is written to; a symbolic link is followed.",
                valueName: "file"))
        var output: String?

        @OptionGroup var corpusOptions: CorpusOptions
        @OptionGroup var progressOptions: ProgressOptions

        func run() throws {
            Output.ignoreBrokenPipe()
            let corpus = try corpusOptions.load()
            let existing = progressOptions.openExisting()
            if existing == nil { Output.error(TextRenderer(width: Terminal.width(), style: .plain).paragraph(progressOptions.noProgressYet)) }
            let store = existing ?? .inMemory()
            let reviews = try store.reviews(corpus: corpusOptions.corpus == nil ? nil : corpus.identity)
            let format = format ?? output.flatMap { Format(rawValue: URL(fileURLWithPath: $0).pathExtension.lowercased()) } ?? .csv
            let text = format == .csv ? ReviewExport.csv(reviews, corpus: corpus) : ReviewExport.json(reviews, corpus: corpus)
            guard let output else {
                Output.write(text)
                return
            }
            let destination: OutputFile.Destination
            do {
                destination = try OutputFile.write(Data(text.utf8), to: output)
            } catch {
                throw CLIError("Cannot write \(output): \(error)")
            }
            let written: String
            switch destination {
            case .file(let path), .stream(let path): written = path == output ? output : "\(path) (through the link \(output))"
            }
            Output.error("Wrote \(reviews.count) reviews to \(written).")
        }
    }
}
