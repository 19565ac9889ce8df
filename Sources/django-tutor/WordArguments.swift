/// ArgumentParser takes time quadratic in the number of arguments (20,000 words: 9 s; 100,000
/// never finish). `ask`, `analyze` and `grade` join their trailing words with spaces anyway, so
/// runs of plain words are joined before parsing: the command sees the same text, and parsing
/// sees a handful of arguments.
enum WordArguments {
    static let subcommandsJoiningWords: Set<String> = ["ask", "analyze", "grade"]

    /// The first word after the subcommand or an option stays on its own (it may be an option's
    /// value, or `grade`'s entry number); the words after it are joined into one argument.
    /// Everything after `--` is words.
    static func compacted(_ arguments: [String]) -> [String] {
        guard let subcommand = arguments.first, subcommandsJoiningWords.contains(subcommand) else { return arguments }
        var result = [subcommand]
        var run: [String] = []
        func endRun() {
            if !run.isEmpty { result.append(run.joined(separator: " ")) }
            run = []
        }
        var previousWasWord = false
        for (index, argument) in arguments.enumerated().dropFirst() {
            if argument == "--" {
                endRun()
                let rest = arguments[(index + 1)...]
                return result + ["--"] + (rest.isEmpty ? [] : [rest.joined(separator: " ")])
            }
            let isWord = !argument.hasPrefix("-") || argument == "-"
            if isWord && previousWasWord {
                run.append(argument)
            } else {
                endRun()
                result.append(argument)
            }
            previousWasWord = isWord
        }
        endRun()
        return result
    }
}
