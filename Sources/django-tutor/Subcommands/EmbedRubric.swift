import ArgumentParser
import Foundation
import SentenceEmbedding
import StudyKit

extension DjangoTutor {
    /// Writes the built-in rubric's vectors as Swift source, for `scripts/embed-corpus`.
    struct EmbedRubric: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "embed-rubric",
            abstract: "Print the built-in rubric's vectors as Swift source (for scripts/embed-corpus).",
            shouldDisplay: false)

        func run() throws {
            let rubric = try BundledRubric.load(for: try BundledCorpus.load())
            Output.write(BundledRubricVectors.source(for: rubric, embedder: try SentenceEncoder.bundled()))
        }
    }
}
