import Foundation

/// Facts about the terminal, read at the edge so the library stays free of I/O.
enum Terminal {
    static var isInputInteractive: Bool { isatty(STDIN_FILENO) == 1 }
    static var isOutputInteractive: Bool { isatty(STDOUT_FILENO) == 1 }

    /// Colour only on a terminal, and never when `NO_COLOR` is set (https://no-color.org) or `TERM=dumb`.
    static func usesColor(disabled: Bool, descriptor: Int32 = STDOUT_FILENO) -> Bool {
        let environment = ProcessInfo.processInfo.environment
        if disabled || !(environment["NO_COLOR"] ?? "").isEmpty || environment["TERM"] == "dumb" { return false }
        return isatty(descriptor) == 1
    }

    /// The window's width, else `COLUMNS`, else 80. Read on every call, so a resize takes effect at once.
    static func width() -> Int {
        var size = winsize()
        if isOutputInteractive, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return Int(size.ws_col)
        }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 {
            return columns
        }
        return 80
    }
}
