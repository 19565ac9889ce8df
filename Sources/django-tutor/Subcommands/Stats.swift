import ArgumentParser
import Foundation
import StudyKit

extension DjangoTutor {
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show study progress: reviews, due entries, retention, mastery by section and topic.")

        @Flag(help: "Print the figures as one JSON object (its `reviews` field is the total number of ratings stored).")
        var json = false

        @OptionGroup var corpusOptions: CorpusOptions
        @OptionGroup var progressOptions: ProgressOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            Output.ignoreBrokenPipe()
            let corpus = try corpusOptions.load()
            let studyDay = try progressOptions.studyDay()
            let store = progressOptions.openExisting()
            if store == nil && !json {
                Output.line(output.shellRenderer.paragraph(progressOptions.noProgressYet))
                return
            }
            // With no file, the same figures as for a store with nothing in it: all zero.
            let stats = try StudyStatistics(corpus: corpus, store: store ?? .inMemory(), now: Date(), studyDay: studyDay)
            let renderer = output.shellRenderer
            Output.line(json ? JSONOutput.statistics(stats) : renderer.fitted(renderer.statistics(stats, corpus: corpus)))
        }
    }
}
