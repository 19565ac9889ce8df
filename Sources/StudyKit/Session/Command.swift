/// Where a typed line lands, which decides what counts as a command.
enum InputContext {
    case command
    /// The first line of an answer.
    case answerStart
    /// A later line of an answer.
    case answerContinued
}

/// A line typed at the prompt, understood.
enum Command: Equatable {
    case ask(String?)
    case quiz(String?)
    case cram(String?)
    case interview(String?)
    case undo
    case newConversation
    case stats
    case why(Int?)
    case explain(String?)
    case topics
    case topic(String)
    case section(String)
    case show(Int)
    case next
    case previous
    case random
    case skip
    case reveal
    case help(String?)
    case edit
    case quit
    /// Not a command: text for the current mode (a question, an answer, a rating).
    case text(String)
    /// A command that could not be understood, with the message that says why.
    case invalid(String)
}

extension Command {
    /// Parses one input line. Bare `help`, `quit`, `exit` and `?` work without a slash.
    ///
    /// While an answer is typed, a line must never be lost to a word that happens to be a
    /// command: a line starting with `/` is answer text unless it names a command the catalogue
    /// knows (`/admin/ after createsuperuser` is text; `//skip` is the text `/skip`), and once a
    /// line of the answer is typed, so are plain `quit`, `exit` and `help`.
    init(parsing line: String, context: InputContext = .command) {
        let inAnswer = context != .command
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if context != .answerContinued {
            switch trimmed.lowercased() {
            case "help", "?":
                self = .help(nil)
                return
            case "quit", "exit":
                self = .quit
                return
            default: break
            }
        }
        guard trimmed.hasPrefix("/"), trimmed.count > 1 else {
            self = .text(line)
            return
        }
        if inAnswer, trimmed.hasPrefix("//") {
            self = .text(String(trimmed.dropFirst()))
            return
        }
        let name = String(trimmed.dropFirst().prefix { !$0.isWhitespace }).lowercased()
        let argument = trimmed.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces)
        let optional: String? = argument.isEmpty ? nil : argument
        guard let spec = CommandCatalog.spec(named: name) else {
            self = inAnswer ? .text(line) : .invalid(CommandCatalog.unknownCommandMessage(for: name))
            return
        }
        switch spec.name {
        case "ask": self = .ask(optional)
        case "quiz": self = .quiz(optional)
        case "cram": self = .cram(optional)
        case "interview": self = .interview(optional)
        case "undo": self = .undo
        case "new": self = .newConversation
        case "stats": self = .stats
        case "why":
            let number = optional.map { $0.hasPrefix("#") ? String($0.dropFirst()) : $0 }
            guard let number else {
                self = .why(nil)
                return
            }
            guard let id = Int(number) else {
                self = .invalid("/why takes an entry number from the last results, e.g. /why 35, or nothing.")
                return
            }
            self = .why(id)
        case "explain": self = .explain(optional)
        case "topics": self = .topics
        case "next": self = .next
        case "prev": self = .previous
        case "random": self = .random
        case "skip": self = .skip
        case "reveal": self = .reveal
        case "edit": self = .edit
        case "help": self = .help(optional.map { $0.hasPrefix("/") ? String($0.dropFirst()) : $0 })
        case "quit": self = .quit
        case "topic", "section":
            guard let optional else {
                self = .invalid("/\(spec.name) needs a name: \(spec.usage). /topics lists them.")
                return
            }
            self = spec.name == "topic" ? .topic(optional) : .section(optional)
        case "show":
            let number = optional.map { $0.hasPrefix("#") ? String($0.dropFirst()) : $0 }.flatMap { Int($0) }
            guard let number else {
                self = .invalid("/show needs an entry number, e.g. /show 35.")
                return
            }
            self = .show(number)
        default:
            self = .invalid(CommandCatalog.unknownCommandMessage(for: name))
        }
    }
}
