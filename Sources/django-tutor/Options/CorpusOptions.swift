import ArgumentParser
import Foundation
import StudyKit

/// `--corpus PATH`, shared by every subcommand that reads the study material.
struct CorpusOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A corpus Markdown file to use instead of the built-in one.", valueName: "path"))
    var corpus: String?

    func load() throws -> Corpus {
        try Self.load(corpus)
    }

    /// The corpus, read while the other core builds the tables every search builds the first time
    /// it reads them (`Searcher.buildSharedTables()`): a large corpus's parse leaves that core idle.
    func loadForSearching() throws -> Corpus {
        let path = corpus
        let (loaded, _) = bothAtOnce({ Result { try Self.load(path) } }, { Searcher.buildSharedTables() })
        return try loaded.get()
    }

    private static func load(_ corpus: String?) throws -> Corpus {
        do {
            guard let corpus else { return try BundledCorpus.load() }
            return try CorpusParser().parse(contentsOf: URL(fileURLWithPath: corpus))
        } catch {
            throw CLIError(error.description)
        }
    }

    /// The corpus's own glossary: the built-in one for the built-in corpus, `NAME.glossary.md`
    /// beside a `--corpus NAME.md`, or none.
    func glossary() throws -> Glossary {
        do {
            guard let corpus else { return try BundledGlossary.load() }
            return try GlossaryParser().parseCompanion(ofCorpusAt: URL(fileURLWithPath: corpus))
        } catch {
            throw CLIError(error.description)
        }
    }

    /// How learners ask for the corpus's entries: the built-in phrasings for the built-in corpus,
    /// `NAME.phrasings.md` beside a `--corpus NAME.md`, or none.
    func phrasings(for loaded: Corpus) throws -> Phrasings {
        do {
            guard let corpus else { return try BundledPhrasings.load(for: loaded) }
            return try PhrasingsParser().parseCompanion(ofCorpusAt: URL(fileURLWithPath: corpus), corpus: loaded)
        } catch {
            throw CLIError(error.description)
        }
    }

    /// What a complete answer to each entry says: the built-in rubric for the built-in corpus,
    /// `NAME.rubric.md` beside a `--corpus NAME.md`, or none (grading then goes by key terms).
    func rubric(for loaded: Corpus) throws -> Rubric {
        do {
            guard let corpus else { return try BundledRubric.load(for: loaded) }
            return try RubricParser().parseCompanion(ofCorpusAt: URL(fileURLWithPath: corpus), corpus: loaded)
        } catch {
            throw CLIError(error.description)
        }
    }

    /// The names an answer may use: Django's documented names for the built-in corpus,
    /// `NAME.names.md` beside a `--corpus NAME.md` (a library's documented names), or none.
    func referenceNames() throws -> ReferenceNames? {
        do {
            guard let corpus else { return .django }
            return try ReferenceNamesParser().parseCompanion(ofCorpusAt: URL(fileURLWithPath: corpus))
        } catch {
            throw CLIError(error.description)
        }
    }
}
