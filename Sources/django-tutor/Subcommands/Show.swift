import ArgumentParser
import StudyKit

extension DjangoTutor {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one entry in full.")

        @Argument(help: "The entry number.")
        var number: Int

        @Flag(help: "Print a JSON object.")
        var json = false

        @OptionGroup var corpusOptions: CorpusOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            Output.ignoreBrokenPipe()
            let corpus = try corpusOptions.load()
            guard let entry = corpus.entry(id: number) else {
                throw CLIError("No entry #\(number). \(corpus.numberingDescription)")
            }
            Output.line(json ? JSONOutput.entry(entry) : output.shellRenderer.entry(entry))
        }
    }
}
