#include <stddef.h>
#include <stdint.h>

// Each fuzz target defines this (in Swift, with `@_cdecl`): one input, 0 when done.
int LLVMFuzzerTestOneInput(const uint8_t *_Nonnull data, size_t size);

// libFuzzer's driver, linked in by `-sanitize=fuzzer`: reads the fuzzer's flags from the command
// line and calls `test` on every input.
int LLVMFuzzerRunDriver(int *_Nonnull argc, char *_Nullable *_Nonnull *_Nonnull argv,
                        int (*_Nonnull test)(const uint8_t *_Nonnull data, size_t size));
