import Foundation

/// The named things of a domain's own documentation that a learner's answer can misname: its
/// commands, template tags and filters, and module paths. Many fluent wrong answers name
/// something that does not exist (`manage.py startmodel`, `{% foreach %}`, `django.contrib.cache`),
/// which neither the reference's words nor closeness in meaning can tell from the truth.
///
/// Only names in those syntactic places are checked: a learner's own models, variables and
/// lookups (`book_set`, `title__icontains`) are never read as commands or modules.
///
/// A library's names (a corpus's `NAME.names.md`, `ReferenceNamesParser`) are checked where a
/// learner cannot have chosen them: a member of a documented module or type (`os.delete`,
/// `str.hex`), and a special name (`__circular__`). What follows a variable (`lst.totuple()`) may
/// be a method of the learner's own class, and is not checked.
public struct ReferenceNames: Sendable {
    var commands: Set<String> = []
    var tags: Set<String> = []
    var filters: Set<String> = []
    /// Every Django path and each of its prefixes of two parts or more (`django.db`, `django.db.models`).
    var djangoPaths: Set<String> = []
    /// A library's modules (`os`, `os.path`) and types (`str`), whose members are checked.
    var modules: Set<String> = []
    var types: Set<String> = []
    /// Their documented members, each as `module.member` or `type.member` (`os.path.join`, `str.join`).
    var members: Set<String> = []
    /// Names with two underscores on each side that the documentation knows (`__init__`).
    var specialNames: Set<String> = []

    /// The library whose documentation gives the names, as messages call it.
    var library = "Django"

    /// Commands of third-party packages a Django developer commonly runs through `manage.py`.
    static let wellKnownThirdPartyCommands: Set<String> = [
        "shell_plus", "runserver_plus", "show_urls", "graph_models", "runscript", "spectacular", "rqworker", "compress",
    ]

    /// The Django 6.1 documentation's names (`scripts/extract-django-names`).
    public static let django = ReferenceNames(
        commands: lines(djangoCommands).union(wellKnownThirdPartyCommands), tags: lines(djangoTags), filters: lines(djangoFilters),
        djangoPaths: lines(djangoModules))

    private static func lines(_ text: String) -> Set<String> {
        Set(text.split(separator: "\n").map(String.init))
    }

    /// What the answer names that the documentation does not, each in words for the learner.
    public func unknownNames(in answer: String) -> [String] {
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
            if !djangoPaths.contains(module) { found.append("`\(module)` is not a Django module") }
        }
        found += unknownMembers(in: answer) + unknownSpecialNames(in: answer)
        var seen = Set<String>()
        return found.filter { seen.insert($0).inserted }
    }

    /// File names (`math.py`) and addresses (`www.python.org`) end like a member.
    static let fileEndings: Set<String> = [
        "py", "pyc", "pyd", "pyi", "pyw", "so", "dll", "exe", "c", "h", "txt", "md", "rst", "html", "cfg", "ini", "toml", "json", "yaml",
        "yml", "com", "org", "net", "io",
    ]

    /// A member of a documented module or type that the documentation does not name: after the
    /// longest module path the answer names, the next part (`os.path.exists` → `os.path`, then
    /// `exists`); what follows a member (`sys.stdout.close`) belongs to an object and is not checked.
    private func unknownMembers(in answer: String) -> [String] {
        guard !modules.isEmpty || !types.isEmpty else { return [] }
        var found: [String] = []
        for match in Self.matches(#"(?<![\w.:/-])[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+(?![\w/@-])"#, in: answer) {
            let parts = match[0].split(separator: ".").map(String.init)
            guard let last = parts.last, !Self.fileEndings.contains(last) else { continue }
            let owner = (1..<parts.count).reversed().map { parts.prefix($0).joined(separator: ".") }.first(where: modules.contains)
            guard let namespace = owner ?? (types.contains(parts[0]) ? parts[0] : nil) else { continue }
            let member = parts.prefix(namespace.split(separator: ".").count + 1).joined(separator: ".")
            if !members.contains(member) && !modules.contains(member) {
                found.append("`\(member)` is not in \(library)'s documentation of `\(namespace)`")
            }
        }
        return found
    }

    private func unknownSpecialNames(in answer: String) -> [String] {
        guard !specialNames.isEmpty else { return [] }
        return Self.matches(#"(?<![A-Za-z0-9_])__[A-Za-z][A-Za-z0-9_]*?__(?![A-Za-z0-9_])"#, in: answer).map(\.[0])
            .filter { !specialNames.contains($0) }.map { "`\($0)` is not a special name \(library)'s documentation knows" }
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
