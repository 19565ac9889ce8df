import ArgumentParser
import StudyKit

extension DjangoTutor {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List entries, by section, optionally filtered.")

        @Option(help: "Only this section (case-insensitive; a prefix is enough).")
        var section: String?

        @Option(help: "Only entries with this tag.")
        var tag: String?

        @Flag(help: "Print a JSON array.")
        var json = false

        @OptionGroup var corpusOptions: CorpusOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            Output.ignoreBrokenPipe()
            let corpus = try corpusOptions.load()
            var entries = corpus.entries
            if let section {
                guard let match = corpus.section(named: section) else {
                    throw CLIError("No section \"\(section)\". Sections: \(corpus.sections.joined(separator: ", ")).")
                }
                entries = entries.filter { $0.section == match }
            }
            if let tag {
                guard let match = corpus.tag(named: tag) else {
                    let tags = corpus.tagCounts.map(\.tag).joined(separator: ", ")
                    throw CLIError("No tag \"\(tag)\". Tags: \(tags).")
                }
                entries = entries.filter { $0.tags.contains(match) }
            }
            if json {
                Output.line(JSONOutput.entries(entries))
                return
            }
            let renderer = output.shellRenderer
            var blocks: [String] = []
            for name in corpus.sections {
                let inSection = entries.filter { $0.section == name }
                guard !inSection.isEmpty else { continue }
                blocks.append(renderer.style.bold("\(name) (\(inSection.count))") + "\n" + renderer.entryList(inSection))
            }
            Output.line(blocks.isEmpty ? "No entries match." : blocks.joined(separator: "\n\n"))
        }
    }
}
