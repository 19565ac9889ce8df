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
            let corpus = try corpusOptions.loadForSearching()
            let interactive = Terminal.isInputInteractive
            // On a terminal a new corpus is searched by words at once while its entries are
            // embedded; piped input waits for them, so that a transcript always reads the same.
            let (searcher, pendingEmbedding) =
                interactive
                ? try searchOptions.searcherWithoutWaiting(for: corpus, from: corpusOptions)
                : (try searchOptions.searcher(for: corpus, from: corpusOptions), nil)
            var embedding = pendingEmbedding.map(BackgroundEmbedding.init)
            var session = TutorSession(
                searcher: searcher, rubric: try corpusOptions.rubric(for: corpus), names: try corpusOptions.referenceNames(), progress: progressOptions.open(),
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
                if let embedding {
                    session.searchNote = Self.embeddingNote(embedding)
                    Output.line(
                        renderer().style.dim(
                            renderer().paragraph(
                                "Searching by words while the \(embedding.entryCount) entries are embedded for search by meaning "
                                    + "(once; cached). /why shows how far it has got.")) + "\n")
                }
            } else {
                reader = PlainLineReader()
            }
            defer { history?.trim() }
            // Leaving while the entries are still being embedded must not run the exit handlers
            // under the thread that is using OpenBLAS: the process ends at once, its vectors
            // uncached (they are stored only whole).
            func leaveDuringEmbedding(_ code: Int32) {
                guard embedding != nil else { return }
                history?.trim()
                _exit(code)
            }

            while true {
                switch reader.read(prompt: session.prompt) {
                case .endOfInput:
                    let reply = session.endOfInput(canAsk: interactive, renderer: renderer())
                    if !reply.text.isEmpty { Output.line(renderer().fitted(reply.text)) }
                    if reply.quit {
                        leaveDuringEmbedding(0)
                        return
                    }
                case .terminated(let signal):
                    leaveDuringEmbedding(128 + signal)
                    history?.trim()
                    Foundation.exit(128 + signal)
                case .interrupted:
                    if let note = session.cancelPendingInput() { Output.line(note) }
                case .line(let line):
                    if let pending = embedding {
                        if let index = pending.finishedIndex {
                            session.useSearcher(
                                try searchOptions.searcher(
                                    for: corpus, phrasings: pending.phrasings, semantic: index, from: corpusOptions,
                                    lexicalIndex: session.searcher.lexicalIndex))
                            session.searchNote = nil
                            embedding = nil
                            Output.line(renderer().style.dim("(Search by meaning is ready: \(pending.entryCount) entries embedded.)"))
                        } else {
                            session.searchNote = Self.embeddingNote(pending)
                        }
                    }
                    // Answers and ratings are not worth recalling; commands typed meanwhile are.
                    if !session.hasOpenQuestion || line.hasPrefix("/") { reader.remember(line) }
                    var reply = session.handle(line, renderer: renderer())
                    if let draft = reply.editDraft { reply = edit(draft, in: &session, interactive: interactive, renderer: renderer()) }
                    if !reply.text.isEmpty { Output.line(renderer().fitted(reply.text) + (reply.quit ? "" : "\n")) }
                    if reply.quit {
                        leaveDuringEmbedding(0)
                        return
                    }
                }
            }
        }

        /// What `/why` says while the entries are being embedded.
        static func embeddingNote(_ embedding: BackgroundEmbedding) -> String {
            "Searched by words only: the entries are being embedded for search by meaning (\(embedding.progress))."
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
