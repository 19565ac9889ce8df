import ArgumentParser
import StudyKit

/// How output looks: colour and width follow the terminal unless told otherwise.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Never use colour or bold (also: the NO_COLOR environment variable).")
    var noColor = false

    mutating func validate() throws {
        if noColor { Output.colorFlagged = false }
    }

    /// For the REPL.
    var renderer: TextRenderer {
        TextRenderer(width: Terminal.width(), style: TextStyle(usesColor: Terminal.usesColor(disabled: noColor)))
    }

    /// For one-shot commands: hints name shell commands.
    var shellRenderer: TextRenderer {
        var renderer = renderer
        renderer.voice = .shell
        return renderer
    }
}
