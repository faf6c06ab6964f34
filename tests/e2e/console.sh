#!/usr/bin/env bash
# The console end to end, in tmux, on the demo scenario: every screen, the
# command line, filter, sort, details, help, copying an ARN (OSC 52 through
# tmux), resizing, the too-small screen, and that quitting (q, SIGTERM)
# restores the terminal. Needs $VAULTDECK (the binary); uses only tmux.
set -euo pipefail
: "${VAULTDECK:?set VAULTDECK to the vaultdeck binary}"

export LANG=C.UTF-8 LC_ALL=C.UTF-8
unset NO_COLOR TMUX || true
WORK="$(mktemp -d)"
SOCKET="vaultdeck-e2e-$$"
export HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/config" XDG_CACHE_HOME="$WORK/cache" XDG_STATE_HOME="$WORK/state"
mkdir -p "$HOME"
source "$(dirname "$0")/tmux_lib.sh"
trap cleanup EXIT

start main 120 40
check "the dashboard paints with findings and the header" wait_for main "Findings"
check "the header names the account" wait_for main "^ ?vaultdeck"

# Every screen, by digit.
screen_by_digit() {
  keys main "$1"; wait_for main "$2"
}
check "2 shows recovery points" screen_by_digit 2 "Recovery points by (resource|vault)"
check "3 shows jobs" screen_by_digit 3 "Jobs +kind"
check "4 shows the lifecycle timeline" screen_by_digit 4 "Lifecycle by resource"
check "5 shows plans" screen_by_digit 5 "next run in"
check "6 shows RDS" screen_by_digit 6 "Databases and their restore windows"
check "7 shows drills" screen_by_digit 7 "History"
check "8 shows the audit log" screen_by_digit 8 "Audit log, newest first"
check "1 goes back to the dashboard" screen_by_digit 1 "Findings"

# The command line with completion.
command_line() {
  keys main ":" && keys main "ti" && keys main Tab && wait_for main "^:timeline" && keys main Enter &&
    wait_for main "Lifecycle by resource"
}
check ":ti<Tab> completes to :timeline and switches" command_line
unknown_command() { keys main ":" "nonsense" Enter; wait_for main "unknown command"; }
check "an unknown command says so" unknown_command
edit_in_place() {
  keys main ":" "rxds" && keys main Left Left && keys main BSpace && wait_for main "^:rds" &&
    keys main C-w && wait_for main "^:ds" && keys main Escape && wait_gone main "^:ds" &&
    keys main ":" "dril" Home "x" End "ls" && wait_for main "^:xdrills" && keys main Escape && wait_gone main "^:xdrills"
}
check "the command line edits where the cursor is (Left, Home, End, Backspace, Ctrl-W)" edit_in_place
tab_key() { keys main ":" "rp" Enter && wait_for main "Recovery points by" && keys main Tab && wait_for main "Jobs +kind"; }
check "Tab moves to the next screen" tab_key

# Recovery points: details, sort, filter, copy.
keys main 2
wait_for main "Recovery points by" >/dev/null
check "the detail pane shows the full ARN" wait_for main "ARN +arn:aws:"
details_toggle() { keys main d && wait_gone main "ARN +arn:aws:" && keys main d && wait_for main "ARN +arn:aws:"; }
check "d hides and shows the detail pane" details_toggle
sort_key() { keys main s && wait_for main "sorted by [A-Za-z/ ]+, ascending"; }
check "s sorts by the next column" sort_key
sort_reverse() { keys main S && wait_for main "descending"; }
check "S reverses the sort" sort_reverse
filter_none() { keys main / "zzzz-no-such-thing" && wait_for main "no rows match the filter" && keys main Escape && wait_gone main "no rows match"; }
check "/ filters as you type and Esc cancels" filter_none
filter_column() { keys main / "status:completed" Enter && wait_for main "filter: status:completed" && wait_gone main " (FAILED|EXPIRED|PARTIAL) "; }
check "/status:completed keeps only completed points" filter_column
clear_filter() { keys main Escape && wait_gone main "filter: status:completed"; }
check "Esc clears the filter" clear_filter
copy_arn() {
  keys main y && wait_for main "copied arn:aws:" &&
    local deadline=$((SECONDS + 5)) &&
    while [ "$SECONDS" -lt "$deadline" ]; do
      if tm show-buffer 2>/dev/null | grep -q "^arn:aws:"; then return 0; fi
      sleep 0.2
    done
  echo "tmux buffer: $(tm show-buffer 2>&1 | head -c 200)" >&2
  return 1
}
check "y copies the ARN through OSC 52 (tmux buffer)" copy_arn

# Jobs: state filter.
jobs_failed() { keys main 3 && wait_for main "Jobs +kind" && keys main f && wait_for main "state failed"; }
check "f on jobs shows failed jobs" jobs_failed

# Help generated from the keymap.
help_overlay() { keys main "?" && wait_for main "Keys: " && keys main Escape && wait_gone main "Keys: "; }
check "? shows the keys and Esc closes" help_overlay

# The mouse (xterm X10 reports, as tmux passes them on): a click on a tab, the wheel.
mouse() {  # target button-char x y
  tm send-keys -t "$1" -l "$(printf '\033[M%s%b%b' "$2" "\\x$(printf %x $(($3 + 33)))" "\\x$(printf %x $(($4 + 33)))")"
}
click() { mouse "$1" " " "$2" "$3"; mouse "$1" "#" "$2" "$3"; }
mouse_tab() { keys main 1 && wait_for main "Findings" && click main 37 1 && wait_for main "Jobs +kind"; }
check "a click on the Jobs tab opens Jobs" mouse_tab
mouse_wheel() { keys main 2 && wait_for main "by resource  1/" && mouse main a 20 10 && wait_gone main "by resource  1/"; }
check "the wheel scrolls the recovery points" mouse_wheel

# Resize: wide, too small, back.
resize_wide() { keys main 3 && wait_for main "Jobs +kind" && tm resize-window -t main -x 200 -y 50 && wait_for main "Jobs +kind.{100,}|Status message.{40,}"; }
check "resizing to 200x50 redraws" resize_wide
too_small() { tm resize-window -t main -x 70 -y 20 && wait_for main "terminal too small"; }
check "below 80x24 shows the too-small screen" too_small
too_small_text() { capture main | grep -Eq "need 80x24|have 70x20"; }
check "the too-small screen says what it needs" too_small_text
resize_back() { tm resize-window -t main -x 120 -y 40 && wait_for main "Jobs +kind" && wait_gone main "terminal too small"; }
check "growing back restores the screen" resize_back

# Enter on a point opens the restore wizard (tests/e2e/restore.sh walks it);
# once it is aborted, q quits without asking.
restore_wizard() {
  keys main 2 && wait_for main "Recovery points by" && keys main Enter && wait_for main "Step 1 of [0-9]+: Before you start" &&
    keys main a && wait_for main "Abort the wizard\?" && keys main y && wait_for main "The wizard has finished: aborted"
}
check "Enter on a point opens the restore wizard, a aborts it" restore_wizard

# Quit restores the terminal.
quit() { keys main q && wait_for main "VAULTDECK-EXITED=0"; }
check "q quits with exit code 0" quit
restored() {
  sleep 0.5
  diff -q "$WORK/main.before" "$WORK/main.after" >/dev/null && [ "$(tm display -p -t main '#{alternate_on}')" = 0 ] &&
    ! capture main | grep -q "Jobs +kind"
}
check "after quit: same terminal modes, alternate screen gone" restored

# SIGTERM restores the terminal too.
start term 100 30
wait_for term "Findings" >/dev/null
sigterm() {
  local pid
  pid="$(pgrep -f -n -- "$VAULTDECK --demo" || true)"
  [ -n "$pid" ] && kill -TERM "$pid" && wait_for term "VAULTDECK-EXITED=143"
}
check "SIGTERM ends the console (exit 143)" sigterm
term_restored() { sleep 0.5; diff -q "$WORK/term.before" "$WORK/term.after" >/dev/null && [ "$(tm display -p -t term '#{alternate_on}')" = 0 ]; }
check "after SIGTERM: same terminal modes, alternate screen gone" term_restored

# A crash (SIGSEGV) restores the terminal before the process dies of it.
start crash 100 30
wait_for crash "Findings" >/dev/null
sigsegv() {
  local pid
  pid="$(pgrep -f -n -- "$VAULTDECK --demo" || true)"
  [ -n "$pid" ] && kill -SEGV "$pid" && wait_for crash "VAULTDECK-EXITED=139"
}
check "SIGSEGV ends the console (exit 139)" sigsegv
crash_restored() { sleep 0.5; diff -q "$WORK/crash.before" "$WORK/crash.after" >/dev/null && [ "$(tm display -p -t crash '#{alternate_on}')" = 0 ]; }
check "after a crash: same terminal modes, alternate screen gone" crash_restored

# Without colour: NO_COLOR is honoured (no SGR colours in the pane).
tm -f /dev/null new-session -d -s mono -x 100 -y 30 "NO_COLOR=1 '$VAULTDECK' --demo; sleep 600"
# Any explicit foreground or background colour (39/49, the defaults, do not count).
colour_sgr='\e\[(?:[0-9;]*;)?(?:3[0-7]|4[0-7]|9[0-7]|10[0-7]|38;5;\d+|48;5;\d+)(?:;[0-9;]*)?m'
no_colour() { wait_for mono "Findings" && ! tm capture-pane -e -p -t mono | grep -Pq "$colour_sgr"; }
colour() { wait_for main2 "Findings" && tm capture-pane -e -p -t main2 | grep -Pq "$colour_sgr"; }
check "NO_COLOR=1 draws without colours" no_colour
tm -f /dev/null new-session -d -s main2 -x 100 -y 30 "'$VAULTDECK' --demo; sleep 600"
check "without NO_COLOR the same screen has colours" colour

# `vaultdeck render` draws the same screens to stdout.
render_rp() {
  "$VAULTDECK" render --demo --screen rp --size 100x30 > "$WORK/rp.txt" && grep -q "Recovery points by resource" "$WORK/rp.txt" &&
    [ "$(wc -l < "$WORK/rp.txt")" = 30 ] && ! grep -q $'\e' "$WORK/rp.txt"
}
check "render --screen rp draws 30 plain rows of recovery points" render_rp
render_ansi() { "$VAULTDECK" render --demo --screen jobs --size 100x30 --ansi > "$WORK/jobs.ans" && grep -Pq "$colour_sgr" "$WORK/jobs.ans"; }
check "render --ansi keeps the colours" render_ansi
render_bad() {
  local rc=0
  "$VAULTDECK" render --screen nonsense >/dev/null 2>"$WORK/err" || rc=$?
  [ "$rc" = 64 ] && grep -q "unknown screen 'nonsense'" "$WORK/err" || return 1
  rc=0
  "$VAULTDECK" render --demo --size 12by4 >/dev/null 2>"$WORK/err" || rc=$?
  [ "$rc" = 64 ] && grep -q "COLSxROWS" "$WORK/err"
}
check "render rejects an unknown screen and a bad size (exit 64)" render_bad
# With every fetch failed the frame shows the errors, and the exit code says
# so (it was 0, as if the empty frame were the account's data).
render_unreachable() {
  local rc=0
  AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test "$VAULTDECK" render --endpoint-url http://127.0.0.1:9 --region us-east-1 \
    --screen rp --size 100x30 >"$WORK/down.txt" 2>"$WORK/err" || rc=$?
  [ "$rc" = 1 ] && [ "$(wc -l <"$WORK/err")" = 1 ] && grep -q "nothing could be fetched: us-east-1: NetworkError" "$WORK/err" &&
    grep -q "Recovery points" "$WORK/down.txt"
}
check "render with every fetch failed draws the frame and exits 1 with one line" render_unreachable

# A terminal that cannot move the cursor gets one clear line, not a garbled screen.
tm -f /dev/null new-session -d -s dumb -x 160 -y 10 \
  "TERM=dumb '$VAULTDECK' --demo 2>'$WORK/dumb.err'; echo \"VAULTDECK-EXITED=\$?\" >'$WORK/dumb.rc'; sleep 600"
dumb_refused() {
  local deadline=$((SECONDS + 20))
  while [ ! -s "$WORK/dumb.rc" ] && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.2; done
  grep -q "VAULTDECK-EXITED=1" "$WORK/dumb.rc" && [ "$(wc -l <"$WORK/dumb.err")" = 1 ] &&
    grep -q "terminal type 'dumb' cannot move the cursor" "$WORK/dumb.err"
}
check "TERM=dumb is refused with one line and exit 1" dumb_refused

echo "console e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
