import ArgumentParser
import Foundation
import StudyKit

extension DjangoTutor {
    struct Repl: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Open the interactive tutor (the default).",
            discussion: """
                On a terminal: line editing, history (in $XDG_STATE_HOME/django-tutor), Tab completion. \
                With standard input not a terminal it reads the same commands line by line, with no \
                prompt and no colour, so sessions can be scripted.
                """)

        @Option(help: "Seed for the quiz order and /random, to replay a session exactly.")
        var seed: UInt64?

        @OptionGroup var corpusOptions: CorpusOptions
        @OptionGroup var searchOptions: SearchOptions
        @OptionGroup var progressOptions: ProgressOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            Output.ignoreBrokenPipe()
            let corpus = try corpusOptions.load()
            let searcher = try searchOptions.searcher(for: corpus, from: corpusOptions)
            let interactive = Terminal.isInputInteractive
            var session = TutorSession(
                searcher: searcher, rubric: try corpusOptions.rubric(for: corpus), names: corpusOptions.referenceNames, progress: progressOptions.open(),
                seed: seed ?? .random(in: .min ... .max), studyDay: try progressOptions.studyDay())
            let renderer = { () -> TextRenderer in
                interactive ? output.renderer : TextRenderer(width: Terminal.width(), style: .plain)
            }
            var reader: any LineReader
            var history: HistoryFile?
            if interactive {
                let directories = AppDirectories(environment: ProcessInfo.processInfo.environment)
                history = HistoryFile.prepare(in: directories.state)
                let completer = Completer(searcher: searcher)
                reader = ReadlineEditor(
                    history: history, complete: { completer.completions(line: $0, word: $1) },
                    breaksOnlyAtWhitespace: { Completer.completesName(line: $0) })
                Output.line(session.banner(renderer()) + "\n")
            } else {
                reader = PlainLineReader()
            }
            defer { history?.trim() }

            while true {
                switch reader.read(prompt: session.prompt) {
                case .endOfInput:
                    let reply = session.endOfInput(canAsk: interactive, renderer: renderer())
                    if !reply.text.isEmpty { Output.line(renderer().fitted(reply.text)) }
                    if reply.quit { return }
                case .terminated(let signal):
                    history?.trim()
                    Foundation.exit(128 + signal)
                case .interrupted:
                    if let note = session.cancelPendingInput() { Output.line(note) }
                case .line(let line):
                    // Answers and ratings are not worth recalling; commands typed meanwhile are.
                    if !session.hasOpenQuestion || line.hasPrefix("/") { reader.remember(line) }
                    var reply = session.handle(line, renderer: renderer())
                    if let draft = reply.editDraft { reply = edit(draft, in: &session, interactive: interactive, renderer: renderer()) }
                    if !reply.text.isEmpty { Output.line(renderer().fitted(reply.text) + (reply.quit ? "" : "\n")) }
                    if reply.quit { return }
                }
            }
        }

        /// Runs `/edit`'s editor and hands what it saved back to the session.
        private func edit(_ draft: String, in session: inout TutorSession, interactive: Bool, renderer: TextRenderer) -> SessionReply {
            guard interactive, let editor = ExternalEditor(environment: ProcessInfo.processInfo.environment) else {
                return SessionReply(
                    interactive
                        ? "/edit needs an editor: set VISUAL or EDITOR (for example export EDITOR=nano). Your answer is as it was."
                        : "/edit needs a terminal; type the answer instead. Your answer is as it was.")
            }
            do {
                return session.replaceAnswer(with: try editor.edit(draft), renderer: renderer)
            } catch {
                return SessionReply("/edit: \(error). Your answer is as it was.")
            }
        }
    }
}
