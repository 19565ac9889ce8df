import ArgumentParser
import StudyKit

extension DjangoTutor {
    struct Grade: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Grade an answer to one entry, as the quiz does.",
            discussion: "With no answer text and standard input not a terminal, the answer is read from standard input.")

        @Argument(help: "The entry number.")
        var number: Int

        @Argument(help: "The answer; quotes are optional.")
        var words: [String] = []

        @Flag(help: "Print a JSON object: id, score, covered, missed.")
        var json = false

        @OptionGroup var corpusOptions: CorpusOptions
        @OptionGroup var searchOptions: SearchOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if words.isEmpty && Terminal.isInputInteractive {
                throw ValidationError("Give the answer text, e.g. django-tutor grade 21 \"they combine filters with OR\", or pipe it in.")
            }
        }

        func run() throws {
            Output.ignoreBrokenPipe()
            let corpus = try corpusOptions.load()
            let searcher = try searchOptions.searcher(for: corpus, from: corpusOptions)
            guard let entry = searcher.corpus.entry(id: number) else {
                throw CLIError("No entry #\(number). \(searcher.corpus.numberingDescription)")
            }
            var answer = words.joined(separator: " ")
            if words.isEmpty { answer = StandardInput.answer() }
            guard !answer.allSatisfy(\.isWhitespace) else {
                throw ValidationError(
                    "No answer to grade: give it after the entry number, e.g. django-tutor grade \(number) \"they combine filters with OR\", or pipe it in.")
            }
            let grade = Grader(searcher: searcher, rubric: try corpusOptions.rubric(for: corpus), names: try corpusOptions.referenceNames()).grade(
                answer, forEntry: entry.id)!
            if json {
                Output.line(JSONOutput.grade(grade))
            } else {
                let renderer = output.shellRenderer
                Output.line(renderer.heading(entry).joined(separator: "\n") + "\n" + renderer.grade(grade, entry: entry))
                if let suggestion = renderer.suggestion(grade) { Output.line(suggestion) }
            }
        }
    }
}
