import CLibFuzzer
import Foundation

// SwiftPM renames an executable's entry point, so libFuzzer's own `main` is not the one that runs.
var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput))
