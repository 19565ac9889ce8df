import Foundation

/// The named things of a domain's own documentation that a learner's answer can misname: its
/// commands, template tags and filters, and module paths. Many fluent wrong answers name
/// something that does not exist (`manage.py startmodel`, `{% foreach %}`, `django.contrib.cache`),
/// which neither the reference's words nor closeness in meaning can tell from the truth.
///
/// Only names in those syntactic places are checked: a learner's own models, variables and
/// lookups (`book_set`, `title__icontains`) are never read as commands or modules.
public struct ReferenceNames: Sendable {
    let commands: Set<String>
    let tags: Set<String>
    let filters: Set<String>
    /// Every module path and each of its prefixes of two parts or more (`django.db`, `django.db.models`).
    let modules: Set<String>

    /// Commands of third-party packages a Django developer commonly runs through `manage.py`.
    static let wellKnownThirdPartyCommands: Set<String> = [
        "shell_plus", "runserver_plus", "show_urls", "graph_models", "runscript", "spectacular", "rqworker", "compress",
    ]

    /// The Django 6.1 documentation's names (`scripts/extract-django-names`).
    public static let django = ReferenceNames(
        commands: lines(djangoCommands).union(wellKnownThirdPartyCommands), tags: lines(djangoTags), filters: lines(djangoFilters),
        modules: lines(djangoModules))

    private static func lines(_ text: String) -> Set<String> {
        Set(text.split(separator: "\n").map(String.init))
    }

    /// What the answer names that the documentation does not, each in words for the learner.
    func unknownNames(in answer: String) -> [String] {
        var found: [String] = []
        // "use manage.py to …": an English word after the tool is prose, not a command.
        for match in Self.matches(#"\b(manage\.py|django-admin)\s+([a-z][a-z_]*)\b"#, in: answer)
        where !commands.contains(match[2]) && Contradictions.isCommandWord(match[2]) {
            found.append("`\(match[1]) \(match[2])` is not a Django command")
        }
        for match in Self.matches(#"\{%-?\s*([a-z_]+)"#, in: answer) {
            let tag = match[1]
            guard !tags.contains(tag), !(tag.hasPrefix("end") && tags.contains(String(tag.dropFirst(3)))) else { continue }
            found.append("`{% \(tag) %}` is not a Django template tag")
        }
        for variable in Self.matches(#"\{\{[^}]*\}\}"#, in: answer) {
            for match in Self.matches(#"\|\s*([a-z_]+)"#, in: variable[0]) where !filters.contains(match[1]) {
                found.append("`|\(match[1])` is not a Django template filter")
            }
        }
        for match in Self.matches(#"\bdjango(?:\.[A-Za-z_][A-Za-z0-9_]*)+"#, in: answer) {
            let parts = match[0].split(separator: ".")
            let module = parts.prefix(3).joined(separator: ".")
            if !modules.contains(module) { found.append("`\(module)` is not a Django module") }
        }
        var seen = Set<String>()
        return found.filter { seen.insert($0).inserted }
    }

    /// Each match's whole text and groups.
    private static func matches(_ pattern: String, in text: String) -> [[String]] {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return expression.matches(in: text, range: range).map { match in
            (0..<match.numberOfRanges).map { index in
                Range(match.range(at: index), in: text).map { String(text[$0]) } ?? ""
            }
        }
    }
}
