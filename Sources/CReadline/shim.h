#ifndef DJANGO_TUTOR_CREADLINE_SHIM_H
#define DJANGO_TUTOR_CREADLINE_SHIM_H

// readline.h uses FILE without including stdio.h itself.
#include <stdio.h>
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/select.h>
#include <readline/readline.h>
#include <readline/history.h>

// Swift 6 rejects touching C global variables (shared mutable state), so the REPL reaches
// readline's globals through these accessors.
static inline void creadline_set_completion(rl_completion_func_t *function) {
    rl_attempted_completion_function = function;
}

static inline void creadline_set_completion_over(int value) {
    rl_attempted_completion_over = value;
}

// Called before each completion: the characters that end the word being completed (NULL for
// readline's default set).
static inline void creadline_set_word_break_hook(rl_cpvfunc_t *hook) {
    rl_completion_word_break_hook = hook;
}

static inline void creadline_set_catch_signals(int value) {
    rl_catch_signals = value;
}

// The name `$if django-tutor` in ~/.inputrc matches.
static inline void creadline_set_application_name(void) {
    rl_readline_name = "django-tutor";
}

// The newest history line, or NULL when the history is empty.
static inline const char *creadline_last_history_line(void) {
    if (history_length == 0) return NULL;
    HIST_ENTRY *entry = history_get(history_base + history_length - 1);
    return entry ? entry->line : NULL;
}

static inline const char *creadline_line_buffer(void) {
    return rl_line_buffer;
}

static inline int creadline_point(void) {
    return rl_point;
}

// Ctrl-C: the handler only sets a flag; the Swift loop sees select() fail with EINTR, takes the
// flag and does the clean-up outside the signal handler, where it is safe.
static volatile sig_atomic_t creadline_interrupted = 0;

static void creadline_on_interrupt(int signal_number) {
    (void)signal_number;
    creadline_interrupted = 1;
}

static inline void creadline_install_interrupt_handler(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = creadline_on_interrupt;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0; // no SA_RESTART, so select() returns at once
    sigaction(SIGINT, &action, NULL);
}

static inline int creadline_take_interrupt(void) {
    int was = creadline_interrupted;
    creadline_interrupted = 0;
    return was;
}


// SIGTERM, SIGHUP, SIGQUIT: like Ctrl-C, the handler only records the signal, and the Swift loop
// restores the terminal, trims the history and exits. The three stay blocked except while the
// loop waits for a key (pselect unblocks them atomically), so one arriving while a reply is being
// computed is taken at the next wait instead of slipping in just before it and being missed.
static volatile sig_atomic_t creadline_termination_signal = 0;

static void creadline_on_termination(int signal_number) {
    creadline_termination_signal = signal_number;
}

static inline void creadline_install_termination_handlers(void) {
    sigset_t blocked;
    sigemptyset(&blocked);
    sigaddset(&blocked, SIGTERM);
    sigaddset(&blocked, SIGHUP);
    sigaddset(&blocked, SIGQUIT);
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = creadline_on_termination;
    action.sa_mask = blocked;
    action.sa_flags = 0;
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGHUP, &action, NULL);
    sigaction(SIGQUIT, &action, NULL);
    sigprocmask(SIG_BLOCK, &blocked, NULL);
}

// The signal that asked the tutor to end (SIGTERM, SIGHUP, SIGQUIT), or 0.
static inline int creadline_termination(void) {
    return creadline_termination_signal;
}

// While another program has the terminal (the /edit editor), Ctrl-C and Ctrl-\ are its alone, as
// git and psql do it: the tutor ignores them (which also drops one already pending) and takes its
// handlers back afterwards, so a Ctrl-C in the editor does not clear the answer it returns.
static inline struct sigaction *creadline_saved_keyboard_actions(void) {
    static struct sigaction saved[2];
    return saved;
}

static inline void creadline_lend_keyboard_signals(void) {
    // SIGQUIT is blocked outside the wait for a key; ignoring it would drop one already pending.
    sigset_t pending;
    sigpending(&pending);
    if (sigismember(&pending, SIGQUIT)) creadline_termination_signal = SIGQUIT;
    struct sigaction ignore;
    memset(&ignore, 0, sizeof ignore);
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    sigaction(SIGINT, &ignore, &creadline_saved_keyboard_actions()[0]);
    sigaction(SIGQUIT, &ignore, &creadline_saved_keyboard_actions()[1]);
}

static inline void creadline_take_back_keyboard_signals(void) {
    // Linux keeps a blocked signal pending even while it is ignored: a Ctrl-\ meant for the
    // editor is let through now, while it is still ignored, instead of ending the tutor later.
    sigset_t quit, previous;
    sigemptyset(&quit);
    sigaddset(&quit, SIGQUIT);
    sigprocmask(SIG_UNBLOCK, &quit, &previous);
    sigprocmask(SIG_SETMASK, &previous, NULL);
    sigaction(SIGINT, &creadline_saved_keyboard_actions()[0], NULL);
    sigaction(SIGQUIT, &creadline_saved_keyboard_actions()[1], NULL);
    creadline_interrupted = 0;
}

// Waits for input on standard input: 1 when readable, 0 when a signal interrupted the wait,
// -1 on another error. (FD_SET and friends are macros Swift cannot call.)
static inline int creadline_wait_for_input(void) {
    fd_set descriptors;
    FD_ZERO(&descriptors);
    FD_SET(0, &descriptors);
    sigset_t waiting;
    sigprocmask(SIG_SETMASK, NULL, &waiting);
    sigdelset(&waiting, SIGTERM);
    sigdelset(&waiting, SIGHUP);
    sigdelset(&waiting, SIGQUIT);
    int ready = pselect(1, &descriptors, NULL, NULL, NULL, &waiting);
    if (ready < 0) return errno == EINTR ? 0 : -1;
    return 1;
}

#endif
