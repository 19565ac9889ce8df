/// Every slash command with its usage and help text: the one list that parsing, `/help`,
/// "did you mean" and Tab completion all read.
enum CommandCatalog {
    struct Spec: Sendable {
        let name: String
        let arguments: String
        let summary: String
        let details: String
        /// Also accepted as the command name.
        var aliases: [String] = []

        var usage: String { arguments.isEmpty ? "/\(name)" : "/\(name) \(arguments)" }
    }

    static let all: [Spec] = [
        Spec(
            name: "ask", arguments: "[question]", summary: "ask mode: type questions, get the best entry",
            details: "Plain text is a question; the best entry is shown with numbers to /show next. With a question, answers it at once."),
        Spec(
            name: "quiz", arguments: "[due|weak|topic|section]", summary: "quiz mode: answer questions, get graded",
            details:
                "Type your answer over one or more lines; an empty line submits. Inside an answer only known /commands count: other lines, quit and exit included, are answer text, and //skip types /skip. It is graded against the reference, then you rate yourself 1–4 (again, hard, good, easy; Enter takes the suggestion) and the scheduler decides when the entry comes back. /quiz (or /quiz due) asks what is due, most overdue first; then new entries, at most 10 a day (the day starts at 4 am); then, when nothing else is, entries in a learning step due within 20 minutes. /quiz orm or /quiz Advanced keeps that queue to one topic or section, reviewing nothing early (/cram drills it instead). /quiz weak asks the entries you recall worst, leeches first, each once unless failed again. /skip puts a question at the end of the queue, and one left by switching scope waits there too. Cram answers change nothing and are counted apart."
        ),
        Spec(
            name: "explain", arguments: "[question|N]", summary: "explain mode: an entry with its key terms and related entries",
            details: "For a question or an entry number: the full answer, its key terms with the other entries that use them, and the nearest entries."),
        Spec(
            name: "cram", arguments: "[topic|section]", summary: "quiz without touching the schedule",
            details: "Drills like /quiz, in random order, but ratings are not saved and change no due dates: for the night before an interview."),
        Spec(
            name: "interview", arguments: "[N]", summary: "a mock interview: N questions, easier first",
            details:
                "Puts N questions (6 by default, at most \(MockInterview.longest)) as an interviewer would: from the first section to the last, ice-breakers before harder ones. Answer in full sentences; an empty line submits, and a very short answer is asked for more once. /skip passes. Scores, wrong facts and what to study next come at the end, and nothing changes your schedule. /ask, /quiz, /cram or /explain ends the interview early, with its debrief."
        ),
        Spec(
            name: "skip", arguments: "", summary: "quiz: skip this question",
            details: "Puts the current quiz question at the end of the queue (it comes back after the rest) and puts the next; in an interview, passes on it."),
        Spec(name: "reveal", arguments: "", summary: "quiz: show the answer without grading", details: "Shows the reference answer; you still rate yourself."),
        Spec(
            name: "edit", arguments: "", summary: "quiz: write the answer in your editor",
            details: "Opens $VISUAL or $EDITOR on the answer typed so far (on a terminal); what you save becomes the answer, and an empty line then submits it."
        ),
        Spec(
            name: "undo", arguments: "", summary: "quiz: take back the last rating",
            details:
                "Removes the last rating from your progress, restores the entry's schedule, and returns to its rating prompt with your answer and its grade."),
        Spec(
            name: "new", arguments: "", summary: "start a new conversation",
            details:
                "Forgets what was just discussed, so the next question is read on its own. Without it, a question that leans on the last answer (\"and an app?\", \"when would I use them?\") is read in its light, and \"tell me more\", \"why?\", \"explain that\", \"quiz me on that\", \"give me an example\", \"the second one\" and \"go back\" act on it."
        ),
        Spec(
            name: "why", arguments: "[N]", summary: "how the last answer was found and scored",
            details:
                "Shows what the last question became (spelling corrections, glossary expansions, weighted terms), whether the match was confident and why, and each matched term's weight in the best entries: its count by field, idf and normalisation. /why 22 explains entry #22 instead."
        ),
        Spec(
            name: "stats", arguments: "", summary: "progress: reviews, due entries, retention, mastery",
            details:
                "Reviews today and this week, what is due, retention over 30 days, average score, mastery by section and topic, the last 14 days, and leeches (entries forgotten 8 or more times)."
        ),
        Spec(
            name: "topics", arguments: "", summary: "sections and tags with entry counts",
            details: "Lists the sections and tags with how many entries each has; /topic and /section list their entries."),
        Spec(name: "topic", arguments: "NAME", summary: "entries with a tag", details: "Lists the entries tagged NAME.", aliases: ["tag"]),
        Spec(name: "section", arguments: "NAME", summary: "entries in a section", details: "Lists the entries of a section; a prefix of its name is enough."),
        Spec(name: "show", arguments: "N", summary: "show entry N in full", details: "Shows one entry; /next and /prev walk on from it."),
        Spec(name: "next", arguments: "", summary: "the entry after the last one shown", details: "Walks the corpus in order from the last entry shown."),
        Spec(
            name: "prev", arguments: "", summary: "the entry before the last one shown", details: "Walks the corpus in order from the last entry shown.",
            aliases: ["previous"]),
        Spec(name: "random", arguments: "", summary: "a random entry", details: "Shows an entry picked at random."),
        Spec(name: "help", arguments: "[command]", summary: "this list, or help on one command", details: "Lists the commands, or explains one: /help quiz."),
        Spec(
            name: "quit", arguments: "", summary: "leave (Ctrl-D works too)", details: "Leaves the tutor; history and progress are already saved.",
            aliases: ["exit", "q"]),
    ]

    static func spec(named name: String) -> Spec? {
        let name = name.lowercased()
        return all.first { $0.name == name || $0.aliases.contains(name) }
    }

    static func unknownCommandMessage(for name: String) -> String {
        guard let suggestion = closestName(to: name) else {
            return "Unknown command /\(name). /help lists the commands."
        }
        return "Unknown command /\(name) — did you mean /\(suggestion)?"
    }

    /// The command nearest by edit distance, or the first one `name` is a prefix of.
    static func closestName(to name: String) -> String? {
        if !name.isEmpty, let prefixed = all.first(where: { $0.name.hasPrefix(name) }) { return prefixed.name }
        return NearestName.closest(to: name, in: all.map(\.name))
    }
}
