/// Which entries a quiz draws from, and for the scheduler, in what order.
public enum QuizScope: Sendable, Equatable {
    case all
    case section(String)
    case tag(String)
    /// Due entries first, then new ones up to the daily limit (as every scope but `weak`).
    case due
    /// Reviewed entries, leeches first, then by lowest recall probability.
    case weak

    /// Resolves `/quiz NAME`: `due`, `weak`, a tag or a section of the corpus, or nil.
    public init?(_ name: String, in corpus: Corpus) {
        switch name.lowercased() {
        case "due": self = .due
        case "weak": self = .weak
        case "all": self = .all
        default:
            if let tag = corpus.tag(named: name) {
                self = .tag(tag)
            } else if let section = corpus.section(named: name) {
                self = .section(section)
            } else {
                return nil
            }
        }
    }

    public enum Resolution: Equatable {
        case found(QuizScope)
        /// With the nearest name, for "did you mean".
        case unknown(suggestion: String?)
    }

    /// `init(_:in:)`, or the nearest name when it finds nothing.
    public static func resolve(_ name: String, in corpus: Corpus) -> Resolution {
        if let scope = QuizScope(name, in: corpus) { return .found(scope) }
        return .unknown(suggestion: NearestName.closest(to: name, in: ["due", "weak"] + corpus.tagCounts.map(\.tag) + corpus.sections))
    }

    public func entries(in corpus: Corpus) -> [Entry] {
        switch self {
        case .all, .due, .weak: corpus.entries
        case .section(let name): corpus.entries(inSection: name)
        case .tag(let name): corpus.entries(taggedWith: name)
        }
    }

    /// Whether the entry is among this scope's (which of them are due or weak the plan knows).
    public func includes(_ entry: Entry, in corpus: Corpus) -> Bool {
        entries(in: corpus).contains(entry)
    }

    public var label: String {
        switch self {
        case .all: "all entries"
        case .section(let name): "section \(name)"
        case .tag(let name): "topic \(name)"
        case .due: "due entries"
        case .weak: "weak entries"
        }
    }

    /// The topic's or section's name, as `/quiz` and `/cram` take it.
    public var name: String? {
        switch self {
        case .section(let name), .tag(let name): name
        case .all, .due, .weak: nil
        }
    }

    /// Scopes that only make sense with a schedule (`/cram` takes the others).
    public var needsSchedule: Bool { self == .due || self == .weak }
}
