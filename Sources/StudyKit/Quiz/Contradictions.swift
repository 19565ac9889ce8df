import Foundation

/// Finds what an answer asserts that its reference contradicts — the wrong facts that reusing the
/// reference's vocabulary would otherwise hide (SemEval-2013 Task 7's "contradictory" answers):
///
/// - a named thing of a kind the reference names, none of the reference's own: a language,
///   company, database, framework or year ("a JavaScript library" where the reference says Python);
/// - a claim that something is deprecated, compiled, removed, replaced, exclusive ("only supports")
///   or never so, which the reference never makes;
/// - a definition that makes it what another entry of the corpus is about ("A Django model is an
///   HTML template", where "What is a Django template?" is another entry);
/// - two named things with their roles swapped — the reference's code (`save()`, `form_valid()`)
///   or what its question compares ("Django and Flask"): a clause pairs one with what the
///   reference says only of the other, more than twice as strongly as any clause pairs it with
///   its own.
///
/// What it needs of the whole corpus (its code words, what its "What is X?" questions are about)
/// is read once, when it is made, so that grading stays quick on a corpus of thousands of entries.
struct Contradictions: Sendable {
    let searcher: Searcher
    var analyzer: Analyzer { searcher.analyzer }
    /// Every one-word code span of the corpus (`migrate`, `save()`).
    let corpusCode: Set<String>
    /// For each entry asking "What is X?", X's terms.
    let subjects: [(id: Int, terms: Set<String>)]
    /// A name this many entries of the corpus use is part of its subject ("Python" in a Django
    /// corpus): saying it is no wrong fact, whatever one reference lists beside it.
    static let subjectNameEntries = 3

    init(searcher: Searcher) {
        self.searcher = searcher
        corpusCode = searcher.corpus.entries.reduce(into: []) { $0.formUnion(Self.codeWords(in: $1.answer)) }
        subjects = searcher.corpus.entries.compactMap { entry in
            Self.subject(ofQuestion: entry.question, searcher: searcher).map { (id: entry.id, terms: $0) }
        }
    }

    /// What an answer gets wrong, and sweeping claims it makes that the reference does not: a
    /// claim the reference merely does not make may be true ("save() runs every time"), so it is
    /// a doubt, never a contradiction on its own.
    struct Findings: Sendable, Equatable {
        var wrong: [String]
        var doubtful: [String]
    }

    func find(in answer: String, reference entry: Entry) -> Findings {
        // What the reference asserts: not its remarks about the interview ("Bonus points if you can
        // compare Django to Ruby on Rails…" names Ruby without saying anything of Django).
        let assertions = InterviewRemark.assertions(of: entry).joined(separator: "\n")
        let referenceWords = Self.words(entry.question + "\n" + assertions)
        let answerWords = Self.words(answer)
        let wrong =
            namedThings(in: answerWords, reference: referenceWords)
            + commands(in: answerWords, reference: referenceWords)
            + otherSubjects(in: answer, entry: entry, reference: assertions)
            + swappedRoles(
                in: answer, reference: assertions, code: Self.codeWords(in: entry.answer), compared: Self.comparedWords(in: entry.question))
        return Findings(wrong: wrong, doubtful: claims(in: answer, answerWords: answerWords, reference: referenceWords))
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
    /// (`manage.py startserver`, or `manage.py migrate`, which the corpus writes as code elsewhere):
    /// what follows a code name (`manage.py`, `django-admin`) is the part a learner misremembers.
    func commands(in answerWords: [String], reference referenceWords: [String]) -> [String] {
        var given: [String: Set<String>] = [:]
        for (word, next) in zip(referenceWords, referenceWords.dropFirst()) where Self.isCodeName(word) && Self.isCommandWord(next) {
            given[word, default: []].insert(next)
        }
        let pairs = Array(zip(answerWords, answerWords.dropFirst()))
        var found: [String] = []
        for (word, next) in pairs {
            // Another subcommand beside the right one is more said, not something misremembered.
            // `sys.stdout.fileno` is `stdout.fileno` said in full.
            guard let expected = given[word], !pairs.contains(where: { $0.0 == word && expected.contains($0.1) }),
                !expected.contains(next), !referenceWords.contains(next), !expected.contains(where: { next.hasSuffix("." + $0) }),
                Self.isCommandWord(next) || corpusCode.contains(next)
            else { continue }
            found.append("says `\(word) \(next)` where the reference says `\(word) \(expected.sorted().joined(separator: "`, `\(word) "))`")
        }
        return found
    }

    /// A subcommand or option (`runserver`, `startproject`, `--noinput`), not an English word.
    static func isCommandWord(_ word: String) -> Bool {
        word.contains(where: \.isLetter) && EnglishFrequency.zipf(of: word) == nil && !StopWords.english.contains(word)
    }

    /// `manage.py`, `django-admin`, `post_save`: a word joined by `.`, `-` or `_`; not an
    /// abbreviation of single letters (`e.g`, `i.e`).
    static func isCodeName(_ word: String) -> Bool {
        word.contains { ".-_".contains($0) } && word.contains(where: \.isLetter) && !word.hasSuffix(".")
            && !word.split(separator: ".").allSatisfy { $0.count == 1 }
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

    // MARK: Another entry's subject

    /// What a "What is X?" question of the corpus asks about: X's terms, without the corpus's own
    /// subject ("Django"); nil for other questions.
    static func subject(ofQuestion question: String, searcher: Searcher) -> Set<String>? {
        let pattern = #"^\s*what (?:is|are) (?:an? |the )?([^?,]+)\?"#
        guard let match = question.range(of: pattern, options: [.regularExpression, .caseInsensitive]) else { return nil }
        let named = String(question[match]).replacingOccurrences(of: pattern, with: "$1", options: [.regularExpression, .caseInsensitive])
        let terms = Set(searcher.analyzer.terms(named)).filter { searcher.documentFrequency(ofTerm: $0) * 2 <= searcher.corpus.entries.count }
        return terms.isEmpty || terms.count > 3 ? nil : terms
    }

    static let definitionHead = 4

    /// An answer that defines its subject as what another entry is about ("A Django model is an
    /// HTML template"), when neither this entry's question nor its reference says so.
    func otherSubjects(in answer: String, entry: Entry, reference: String) -> [String] {
        let definitions = Self.clauses(answer).lazy.map(Self.words).compactMap { words in
            words.firstIndex { ["is", "are"].contains($0) }.map { (words: words, copula: $0) }
        }
        guard let (words, copula) = definitions.first else { return [] }
        // The head of the definition: "an HTML template", "the admin class"; not whatever the
        // rest of the sentence goes on to mention. "It is not a template" defines nothing.
        let headWords = words[(copula + 1)...].prefix(Self.definitionHead)
        guard !headWords.contains(where: Self.negations.contains), !words[copula].hasSuffix("n't") else { return [] }
        let head = analyzer.analyze(headWords.joined(separator: " ")).filter { !$0.isPart }
        let defined = Set(head.map(\.term))
        let own = Set(analyzer.terms(entry.question + "\n" + reference))
        let matching = subjects.filter { $0.id != entry.id && $0.terms.isSubset(of: defined) && !$0.terms.isSubset(of: own) }
        // Each subject once, at its widest: "model manager" (#25), not also "model" (#12).
        let widest = matching.filter { subject in !matching.contains { $0.terms.count > subject.terms.count && subject.terms.isSubset(of: $0.terms) } }
        var seen = Set<Set<String>>()
        return widest.filter { seen.insert($0.terms).inserted }.map { subject in
            let named = head.filter { subject.terms.contains($0.term) }.map(\.surface).joined(separator: " ")
            let question = searcher.corpus.entry(id: subject.id).map { " (\($0.question))" } ?? ""
            return "calls it \u{201C}\(named)\u{201D}, which is what #\(subject.id)\(question) is about"
        }
    }

    // MARK: Swapped roles

    /// Roles are told apart only in a reference that sets a few named things side by side: one
    /// that names more describes a system (the Python FAQ's longer answers), where a thing said
    /// near another's words is no swap (chosen on the dev splits, where beyond three named
    /// things the rule fired on more good answers than wrong ones).
    static let mostRoles = 3

    /// `code` and `compared`: words (as written, lower-cased) that name a thing with a role even
    /// when the analyser does not take them for identifiers: the reference's code (`save()`), and,
    /// in a clause that names no code, what the question compares ("a Project and an App").
    func swappedRoles(in answer: String, reference: String, code: Set<String> = [], compared: Set<String> = []) -> [String] {
        // The reference's named things, each with the words it is said with: in its own clause, and
        // in the clauses after it in the same sentence that name nothing ("Django is X, including
        // A, B and C").
        var roles: [String: Set<String>] = [:]
        var surfaces: [String: String] = [:]
        for sentence in Self.sentences(reference) {
            var subject: String?
            for clause in Self.clauses(sentence, splittingBefore: compared.union(code)).map({ analyzer.analyze($0) }) {
                let named = clause.filter { !$0.isPart && (Self.isCodeIdentifier($0) || code.contains($0.surface.lowercased())) }
                let technical = Set((named.isEmpty ? clause.filter { compared.contains($0.surface.lowercased()) } : named).map(\.term))
                if technical.count == 1, let term = technical.first {
                    subject = term
                    surfaces[term] = clause.first { $0.term == term }?.surface
                } else if !technical.isEmpty {
                    subject = nil
                }
                guard let term = subject else { continue }
                let parts = Set(searcher.partTerms(of: term))
                roles[term, default: []].formUnion(clause.filter { !$0.isPart && $0.term != term && !parts.contains($0.term) }.map(\.term))
            }
        }
        guard (2...Self.mostRoles).contains(roles.count) else { return [] }
        // One role's name said with another ("a migrations file" of `makemigrations`) is no role.
        let names = Set(roles.keys)
        roles = roles.mapValues { $0.subtracting(names) }
        let answerClauses = Self.clauses(answer, splittingBefore: compared.union(code).union(surfaces.values.map { $0.lowercased() }))
            .map { Set(analyzer.analyze($0).map(\.term)) }
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
                // A clause that pairs it with its own words outweighs the swap unless the swap says
                // more than twice as much.
                let right = withTerm.map { $0.intersection(mine).count }.max() ?? 0
                if let wrong, 2 * right < wrong.intersection(notMine).count {
                    let terms = wrong.intersection(notMine)
                    let parts = Set(terms.flatMap { searcher.partTerms(of: $0) })
                    let shared = terms.subtracting(parts).map { searcher.surfaces[$0] ?? $0 }.sorted().joined(separator: ", ")
                    found.append("says of \(surfaces[term] ?? term) what the reference says of \(surfaces[other] ?? other) (\(shared))")
                }
            }
        }
        return found
    }

    /// The two things a question sets side by side ("makemigrations and migrate", "a Project and
    /// an App", "save() versus form_valid()"): what the reference says of each is its role.
    static func comparedWords(in question: String) -> Set<String> {
        let phrase = Self.words(question).map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "()")) }
        let articles: Set<String> = ["a", "an", "the"]
        var found: Set<String> = []
        for (index, word) in phrase.enumerated() where ["and", "or", "versus", "vs"].contains(word) && index > 0 {
            let before = phrase[index - 1]
            guard let after = phrase[(index + 1)...].first(where: { !articles.contains($0) }),
                !StopWords.english.contains(before), !StopWords.english.contains(after)
            else { continue }
            found.formUnion([before, after])
        }
        return found
    }

    /// An identifier as code writes it (`select_related`, `manage.py`, `QuerySet`), not an
    /// English compound (`full-stack`, `class-based`).
    static func isCodeIdentifier(_ term: AnalyzedTerm) -> Bool {
        term.isIdentifier && (term.surface.contains { "_.".contains($0) } || term.surface.dropFirst().contains(where: \.isUppercase))
    }

    /// The one-word code spans of a Markdown answer (`save()` → save): a name in code font is a
    /// thing the answer talks about (a command line, `python manage.py startapp`, is not; nor is
    /// an example's placeholder, a lower-case one-letter variable `x` or a literal `10`; a
    /// capital, `Q()`, names a class).
    static func codeWords(in markdown: String) -> Set<String> {
        let spans = markdown.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }
        return Set(
            spans.compactMap { span in
                let spanWords = words(String(span.element))
                guard spanWords.count == 1 else { return nil }
                let name = spanWords[0].trimmingCharacters(in: CharacterSet(charactersIn: "()"))
                let isClass = span.element.first?.isUppercase == true
                return name.contains(where: \.isLetter) && (name.count > 1 || isClass) ? name : nil
            })
    }

    // MARK: Text

    /// Lower-cased words, with `.`, `+`, `#` and `-` kept inside them (`C#`, `ASP.NET`, `2.0`).
    static func words(_ text: String) -> [String] {
        text.lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
            .split { !($0.isLetter || $0.isNumber || "'+#-_.".contains($0)) }
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ".-'")) }
            .filter { !$0.isEmpty }
    }

    /// Sentences: lines, and text split at a full stop before a space (`manage.py` stays whole).
    static func sentences(_ text: String) -> [String] {
        text.replacingOccurrences(of: ". ", with: ".\n").split(separator: "\n").map(String.init)
    }

    /// Clauses: sentences split further at `;`, `,` and contrasting conjunctions, so that "A is for
    /// x, while B is for y" yields two claims.
    /// "and" also ends one before a word of `splittingBefore` ("A does x and B does y").
    static func clauses(_ text: String, splittingBefore subjects: Set<String> = []) -> [String] {
        // A full stop ends a clause only before a space: `manage.py` and `2.0` stay whole.
        var text = " " + text.replacingOccurrences(of: "\n", with: "; ").replacingOccurrences(of: ". ", with: "; ") + " "
        for subject in subjects {
            let pattern = #"\s+and\s+((?:(?:a|an|the)\s+)?`?"# + NSRegularExpression.escapedPattern(for: subject) + #"(?!\w))"#
            text = text.replacingOccurrences(of: pattern, with: "; $1", options: [.regularExpression, .caseInsensitive])
        }
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
