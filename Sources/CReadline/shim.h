#ifndef DJANGO_TUTOR_CREADLINE_SHIM_H
#define DJANGO_TUTOR_CREADLINE_SHIM_H

// readline.h uses FILE without including stdio.h itself.
#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>

// Swift 6 rejects writes to C global variables (shared mutable state), so the
// REPL sets readline's hooks through these setters.
static inline void creadline_set_completion(rl_completion_func_t *function) {
    rl_attempted_completion_function = function;
}

static inline void creadline_set_completion_over(int value) {
    rl_attempted_completion_over = value;
}

static inline void creadline_set_catch_signals(int value) {
    rl_catch_signals = value;
}

static inline void creadline_set_readline_name(const char *name) {
    rl_readline_name = name;
}

#endif
