import Foundation

/// Finds what an answer asserts that its reference contradicts — the wrong facts that reusing the
/// reference's vocabulary would otherwise hide (SemEval-2013 Task 7's "contradictory" answers):
///
/// - a named thing of a kind the reference names, none of the reference's own: a language,
///   company, database, framework or year ("a JavaScript library" where the reference says Python);
/// - a claim that something is deprecated, compiled, removed, replaced, exclusive ("only supports")
///   or never so, which the reference never makes;
/// - two of the reference's code identifiers with their roles swapped: a clause pairs one with
///   what the reference says only of the other, and no clause pairs it with its own.
struct Contradictions {
    let searcher: Searcher
    var analyzer: Analyzer { searcher.analyzer }
    /// A name this many entries of the corpus use is part of its subject ("Python" in a Django
    /// corpus): saying it is no wrong fact, whatever one reference lists beside it.
    static let subjectNameEntries = 3

    func find(in answer: String, reference entry: Entry) -> [String] {
        // What the reference asserts: not its remarks about the interview ("Bonus points if you can
        // compare Django to Ruby on Rails…" names Ruby without saying anything of Django).
        let assertions = InterviewRemark.assertions(of: entry).joined(separator: "\n")
        let referenceWords = Self.words(entry.question + "\n" + assertions)
        let answerWords = Self.words(answer)
        return namedThings(in: answerWords, reference: referenceWords) + commands(in: answerWords, reference: referenceWords)
            + claims(in: answer, answerWords: answerWords, reference: referenceWords) + swappedRoles(in: answer, reference: assertions)
    }

    // MARK: Named things

    func namedThings(in answerWords: [String], reference referenceWords: [String]) -> [String] {
        var found: [String] = []
        for kind in NamedThing.Kind.allCases {
            let said = kind.members(in: referenceWords)
            let claimed = kind.members(in: answerWords).filter { searcher.documentFrequency(of: $0) < Self.subjectNameEntries }
            guard !said.isEmpty, !claimed.isEmpty, said.isDisjoint(with: claimed) else { continue }
            found.append("says \(Self.list(claimed)) where the reference says \(Self.list(said)) (\(kind.rawValue))")
        }
        return found
    }

    // MARK: Commands

    /// A command the reference gives (`manage.py runserver`) with another word in its place
    /// (`manage.py startserver`): what follows a code name (`manage.py`, `django-admin`) is the
    /// part a learner misremembers.
    func commands(in answerWords: [String], reference referenceWords: [String]) -> [String] {
        var given: [String: Set<String>] = [:]
        for (word, next) in zip(referenceWords, referenceWords.dropFirst()) where Self.isCodeName(word) && Self.isCommandWord(next) {
            given[word, default: []].insert(next)
        }
        var found: [String] = []
        for (word, next) in zip(answerWords, answerWords.dropFirst()) {
            guard let expected = given[word], !expected.contains(next), !referenceWords.contains(next), Self.isCommandWord(next)
            else { continue }
            found.append("says `\(word) \(next)` where the reference says `\(word) \(expected.sorted().joined(separator: "`, `\(word) "))`")
        }
        return found
    }

    /// A subcommand or option (`runserver`, `startproject`, `--noinput`), not an English word.
    static func isCommandWord(_ word: String) -> Bool {
        word.contains(where: \.isLetter) && EnglishFrequency.zipf(of: word) == nil && !StopWords.english.contains(word)
    }

    /// `manage.py`, `django-admin`, `post_save`: a word joined by `.`, `-` or `_`.
    static func isCodeName(_ word: String) -> Bool {
        word.contains { ".-_".contains($0) } && word.contains(where: \.isLetter) && !word.hasSuffix(".")
    }

    // MARK: Claims

    /// Words that claim a feature is gone or different in kind; negated ("not deprecated") they claim nothing.
    static let claimWords = ["deprecated", "obsolete", "discontinued", "compiled", "unsupported"]
    static let negations: Set<String> = ["not", "never", "no", "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't", "nothing"]

    func claims(in answer: String, answerWords: [String], reference: [String]) -> [String] {
        let referenceWords = Set(reference)
        var found: [String] = []
        for clause in Self.clauses(answer) {
            let words = Self.words(clause)
            for (index, word) in words.enumerated() where Self.claimWords.contains(word) && !referenceWords.contains(word) {
                let before = words[max(0, index - 4)..<index]
                guard !before.contains(where: Self.negations.contains) else { continue }
                found.append("calls something \(word), which the reference does not")
            }
        }
        let lowered = " " + answerWords.joined(separator: " ") + " "
        let referenceText = " " + reference.joined(separator: " ") + " "
        for phrase in Self.absoluteClaims where lowered.contains(" \(phrase) ") && !referenceText.contains(" \(phrase) ") {
            found.append("claims “\(phrase)”, which the reference does not")
        }
        return Array(Set(found)).sorted()
    }

    /// Sweeping claims about a feature — gone, replaced, exclusive, unrelated — that a reference
    /// makes explicitly when they are true; from a learner they are the usual shape of a
    /// confidently wrong answer ("class-based views were removed", "it only supports PostgreSQL").
    static let absoluteClaims = [
        "was removed", "were removed", "been removed", "is removed", "are removed", "no longer", "merged into", "replaced by",
        "replaces", "only supports", "only support", "only works", "only work", "only runs", "never", "nothing to do with",
    ]

    // MARK: Swapped roles

    func swappedRoles(in answer: String, reference: String) -> [String] {
        let referenceClauses = Self.clauses(reference).map { analyzer.analyze($0) }
        // The reference's code identifiers, each with the words it is said with.
        var roles: [String: Set<String>] = [:]
        var surfaces: [String: String] = [:]
        for clause in referenceClauses {
            let technical = Set(clause.filter { $0.isIdentifier && !$0.isPart }.map(\.term))
            guard technical.count == 1, let term = technical.first else { continue }
            surfaces[term] = clause.first { $0.term == term }?.surface
            let parts = Set(analyzer.analyze(term).filter(\.isPart).map(\.term))
            roles[term, default: []].formUnion(clause.filter { !$0.isPart && $0.term != term && !parts.contains($0.term) }.map(\.term))
        }
        guard roles.count >= 2 else { return [] }
        let answerClauses = Self.clauses(answer).map { Set(analyzer.analyze($0).map(\.term)) }
        var found: [String] = []
        for (term, own) in roles.sorted(by: { $0.key < $1.key }) {
            let others = roles.filter { $0.key != term }
            for (other, theirs) in others.sorted(by: { $0.key < $1.key }) {
                let mine = own.subtracting(theirs)
                let notMine = theirs.subtracting(own)
                guard !mine.isEmpty, !notMine.isEmpty else { continue }
                let withTerm = answerClauses.filter { $0.contains(term) && !$0.contains(other) }
                // Two of the other's words, none of its own: one shared word may be a coincidence.
                let wrong = withTerm.first { $0.intersection(notMine).count >= 2 && $0.isDisjoint(with: mine) }
                let right = withTerm.contains { !$0.isDisjoint(with: mine) }
                if let wrong, !right {
                    let shared = wrong.intersection(notMine).sorted().joined(separator: ", ")
                    found.append("says of \(surfaces[term] ?? term) what the reference says of \(surfaces[other] ?? other) (\(shared))")
                }
            }
        }
        return found
    }

    // MARK: Text

    /// Lower-cased words, with `.`, `+`, `#` and `-` kept inside them (`C#`, `ASP.NET`, `2.0`).
    static func words(_ text: String) -> [String] {
        text.lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
            .split { !($0.isLetter || $0.isNumber || "'+#-_.".contains($0)) }
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ".-'")) }
            .filter { !$0.isEmpty }
    }

    /// Clauses: sentences split further at `;`, `,` and contrasting conjunctions, so that "A is for
    /// x, while B is for y" yields two claims.
    static func clauses(_ text: String) -> [String] {
        // A full stop ends a clause only before a space: `manage.py` and `2.0` stay whole.
        var text = " " + text.replacingOccurrences(of: "\n", with: "; ").replacingOccurrences(of: ". ", with: "; ") + " "
        for conjunction in [" while ", " whereas ", " but ", " and then ", " unlike "] {
            text = text.replacingOccurrences(of: conjunction, with: "; ", options: .caseInsensitive)
        }
        return text.split { ";,!?".contains($0) }
            .map { $0.trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: "."))) }
            .filter { !$0.isEmpty }
    }

    static func list(_ words: Set<String>) -> String {
        words.sorted().map { NamedThing.display[$0] ?? $0 }.joined(separator: ", ")
    }
}
