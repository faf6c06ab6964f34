# Helpers the tmux suites (console.sh, restore.sh) source: a private tmux
# server, panes read with capture-pane, waiting for text, counted checks.
# The sourcing suite sets WORK (a temporary folder) and SOCKET first.

passed=0
failed=0

tm() { tmux -L "$SOCKET" "$@"; }

# Ends the tmux server and removes WORK. A console saves its state as it
# exits on the hangup, so wait (at most 5 s) for the panes' processes and
# their children before removing the folder they write into.
cleanup() {
  set +e  # runs as the EXIT trap: every step must run whatever fails
  local pids="" pane
  for pane in $(tm list-panes -a -F '#{pane_pid}' 2>/dev/null); do
    pids="$pids $pane $(pgrep -P "$pane" 2>/dev/null | tr '\n' ' ')"
  done
  tm kill-server >/dev/null 2>&1 || true
  local pid alive
  for _ in $(seq 1 50); do
    alive=0
    for pid in $pids; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && break
    sleep 0.1
  done
  rm -rf "$WORK"
}

# Starts `vaultdeck --demo` in a detached session of the given size; the pane
# records the terminal modes before and after and the exit code.
start() {
  local name=$1 cols=$2 rows=$3
  tm -f /dev/null new-session -d -s "$name" -x "$cols" -y "$rows" \
    "stty -a > '$WORK/$name.before'; '$VAULTDECK' --demo; echo \"VAULTDECK-EXITED=\$?\"; stty -a > '$WORK/$name.after'; sleep 600"
  tm set -g default-terminal tmux-256color >/dev/null 2>&1 || true
  tm set -g set-clipboard on
}

capture() { tm capture-pane -p -t "$1"; }

# Waits until the pane shows the text (a grep -E pattern); fails after
# WAIT_SECONDS (20 unless set).
wait_for() {
  local target=$1 pattern=$2 deadline=$((SECONDS + ${WAIT_SECONDS:-20}))
  while [ "$SECONDS" -lt "$deadline" ]; do
    if capture "$target" | grep -Eq -- "$pattern"; then return 0; fi
    sleep 0.2
  done
  echo "--- pane $target after waiting for /$pattern/:" >&2
  capture "$target" >&2
  return 1
}

# Waits until the pane no longer shows the text.
wait_gone() {
  local target=$1 pattern=$2 deadline=$((SECONDS + ${WAIT_SECONDS:-20}))
  while [ "$SECONDS" -lt "$deadline" ]; do
    if ! capture "$target" | grep -Eq -- "$pattern"; then return 0; fi
    sleep 0.2
  done
  echo "--- pane $target still shows /$pattern/:" >&2
  capture "$target" >&2
  return 1
}

keys() { local t=$1; shift; tm send-keys -t "$t" "$@"; }

check() {
  local what=$1; shift
  if "$@"; then
    passed=$((passed + 1)); echo "ok   $what"
  else
    failed=$((failed + 1)); echo "FAIL $what"
  fi
}
