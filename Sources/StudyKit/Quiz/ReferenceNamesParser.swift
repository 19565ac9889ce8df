import Foundation

/// Reads a corpus's documented names (`NAME.names.md`), which the grader checks an answer's names
/// against (`ReferenceNames`): a `# ` title naming the library ("# Python"), then prose, then the
/// lists, each under its heading (`## Modules`, `## Types`, `## Members`, `## Special names`), one
/// name a line. A script writes it from the library's own documentation
/// (`scripts/extract-python-names`).
public struct ReferenceNamesParser: Sendable {
    static let file = CompanionFile(
        suffix: "names.md",
        wording: .init(
            unreadable: "the corpus's documented names", unreadableHint: "Make it a readable UTF-8 file, or remove it to grade without it",
            tooLarge: { "the names file holds more than \($0)" },
            tooLargeHint: "It lists a library's documented names, one a line; remove it to grade without it"))

    public init() {}

    /// Parses the names beside the corpus file `corpusURL`, or returns nil when there are none.
    public func parseCompanion(ofCorpusAt corpusURL: URL) throws(CorpusError) -> ReferenceNames? {
        guard let (text, companion) = try Self.file.text(ofCorpusAt: corpusURL) else { return nil }
        return try parse(text, source: companion.path)
    }

    private enum List: String, CaseIterable {
        case modules, types, members
        case specialNames = "special names"
    }

    public func parse(_ text: String, source: String) throws(CorpusError) -> ReferenceNames {
        var names = ReferenceNames()
        var library: String?
        var list: List?
        for (offset, line) in TextLines.trimmed(text).enumerated() {
            func malformed(_ problem: String, _ hint: String) -> CorpusError {
                CorpusError(.malformedNames, file: source, line: offset + 1, problem: problem, hint: hint)
            }
            if line.hasPrefix("## ") {
                let heading = line.dropFirst(3).trimmingCharacters(in: .whitespaces).lowercased()
                guard let named = List(rawValue: heading) else {
                    let known = List.allCases.map { "`## \($0.rawValue.prefix(1).uppercased() + $0.rawValue.dropFirst())`" }
                    throw malformed("`\(line)` heads no list of names", "Use one of \(known.joined(separator: ", "))")
                }
                guard library != nil else { throw malformed("the lists come before the title", "Begin the file with `# ` and the library's name") }
                list = named
                continue
            }
            if line.hasPrefix("# "), library == nil {
                library = line.dropFirst(2).trimmingCharacters(in: .whitespaces)
                continue
            }
            guard let list else {
                if !line.isEmpty && library == nil {
                    throw malformed("the file does not begin with its title", "Begin it with `# ` and the library's name, e.g. `# Python`")
                }
                continue
            }
            if line.isEmpty { continue }
            let name = String(line)
            guard Self.isName(name, special: list == .specialNames) else {
                throw malformed(
                    "`\(line.prefix(60))` is not a name",
                    list == .specialNames
                        ? "Write one name with two underscores on each side a line, e.g. `__init__`"
                        : "Write one dotted name of letters, digits and underscores a line, e.g. `os.path.join`")
            }
            switch list {
            case .modules: names.modules.insert(name)
            case .types: names.types.insert(name)
            case .members: names.members.insert(name)
            case .specialNames: names.specialNames.insert(name)
            }
        }
        guard let library, !library.isEmpty else {
            throw CorpusError(
                .malformedNames, file: source, line: nil, problem: "the names file has no title",
                hint: "Begin it with `# ` and the library's name, e.g. `# Python`")
        }
        names.library = library
        return names
    }

    static func isName(_ text: String, special: Bool) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let isIdentifier = { (part: Substring) in
            !part.isEmpty && part.first.map { $0 == "_" || ($0.isASCII && $0.isLetter) } == true
                && part.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }
        }
        guard parts.allSatisfy(isIdentifier) else { return false }
        return !special || (parts.count == 1 && text.count > 4 && text.hasPrefix("__") && text.hasSuffix("__"))
    }
}
