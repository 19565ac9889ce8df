/// Which entries a quiz draws from.
public enum QuizScope: Sendable, Equatable {
    case all
    case section(String)
    case tag(String)

    /// Resolves `/quiz NAME`: a tag or a section of the corpus, or nil.
    public init?(_ name: String, in corpus: Corpus) {
        if let tag = corpus.tag(named: name) {
            self = .tag(tag)
        } else if let section = corpus.section(named: name) {
            self = .section(section)
        } else {
            return nil
        }
    }

    public func entries(in corpus: Corpus) -> [Entry] {
        switch self {
        case .all: corpus.entries
        case .section(let name): corpus.entries(inSection: name)
        case .tag(let name): corpus.entries(taggedWith: name)
        }
    }

    public var label: String {
        switch self {
        case .all: "all entries"
        case .section(let name): "section \(name)"
        case .tag(let name): "topic \(name)"
        }
    }
}
