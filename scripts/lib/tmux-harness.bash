# The tmux harness of the terminal end-to-end scripts (scripts/e2e-*), sourced by them after they
# set `binary`: a scratch folder removed on exit, `start` (a tutor in a tmux server of its own,
# with `$*` as environment assignments, `wrapper` before the binary and `extra_args` after it),
# `keys` to type, `screen` to read, and checks that count what passed and failed.

scratch="$(mktemp -d)"
session=tutor
starts=0
passed=0
failed=0
trap 'for s in "$scratch"/tmux-*.sock; do tmux -S "$s" kill-server 2>/dev/null; done; rm -rf "$scratch"' EXIT

screen() { tmux -S "$socket" capture-pane -p -t "$session" "$@" 2>/dev/null; }
keys() { tmux -S "$socket" send-keys -t "$session" "$@"; }

# Waits up to 10 s for the screen to contain a fixed string.
wait_for() {
    local text="$1"
    for _ in $(seq 1 100); do
        screen | grep -qF -- "$text" && return 0
        sleep 0.1
    done
    return 1
}

# Waits up to 10 s for a file to exist.
wait_for_file() {
    for _ in $(seq 1 100); do
        [ -s "$1" ] && return 0
        sleep 0.1
    done
    return 1
}

check() {
    local name="$1" text="$2"
    if wait_for "$text"; then
        passed=$((passed + 1)); echo "ok     $name"
    else
        failed=$((failed + 1)); echo "FAILED $name: screen lacks: $text"; screen | grep -v '^$' | sed 's/^/       | /'
    fi
}

# Waits up to 10 s for the line with the cursor (the last one written) to be exactly `text`.
check_line() {
    local name="$1" text="$2"
    for _ in $(seq 1 100); do
        [ "$(screen | grep -v '^$' | tail -1 | sed 's/ *$//')" = "$text" ] && { passed=$((passed + 1)); echo "ok     $name"; return; }
        sleep 0.1
    done
    failed=$((failed + 1)); echo "FAILED $name: the last line is not: $text"; screen | grep -v '^$' | tail -5 | sed 's/^/       | /'
}

check_not() {
    local name="$1" text="$2"
    sleep 0.5
    if screen | grep -qF -- "$text"; then
        failed=$((failed + 1)); echo "FAILED $name: screen shows: $text"; screen | grep -v '^$' | sed 's/^/       | /'
    else
        passed=$((passed + 1)); echo "ok     $name"
    fi
}

# Each run gets its own tmux server: a killed server can still be shutting down when the next
# session starts, and would take that session with it.
start() {
    [ "$starts" -gt 0 ] && tmux -S "$socket" kill-server 2>/dev/null
    starts=$((starts + 1))
    socket="$scratch/tmux-$starts.sock"
    tmux -S "$socket" new-session -d -s "$session" -x 100 -y 50 \
        "env TERM=xterm-256color XDG_STATE_HOME='$scratch/state' HOME='$scratch' $* ${wrapper:-} '$binary' --seed 3 ${extra_args:-}; echo \"EXITED status=\$?\"; sleep 30"
}

