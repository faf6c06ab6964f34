#!/usr/bin/env bash
# Text from AWS never reaches the terminal as a control sequence. Against the
# simulator's hostile scenario (a plan named to clear the screen and write the
# clipboard through OSC 52, a vault with CSI and BEL in its name, a file
# system named with a right-to-left override, a failed job whose message has
# a C1 CSI and a forged line), every output path: `status` text and JSON,
# `list` as table, CSV and JSON, `render` of every screen, errors and the
# console in tmux (which would keep an OSC 52 clipboard write), holds
# no ESC, BEL, C1 control or bidi override from data; the names are shown
# with their controls written out (\x1b, \u202e) so the operator still sees
# them.
#
# Needs $VAULTDECK (the binary), tmux and python3; run by scripts/test.
set -uo pipefail
: "${VAULTDECK:?set VAULTDECK to the vaultdeck binary}"
E2E="$(cd "$(dirname "$0")" && pwd)/conformance"
source "$E2E/lib.sh"

open_work

isolated_home
unset NO_COLOR || true
RECORD="$work/record.jsonl"
SECTION=hostile

# clean FILE: no ESC, BEL or other C0 control but newline (and CR for CSV),
# no DEL, no C1 control, no bidi embedding, override, isolate or mark.
clean() {
  python3 - "$1" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
bad = [b for b in data if (b < 0x20 and b not in (0x0a, 0x0d)) or b == 0x7f]
text = data.decode("utf-8", "replace")
bad += [c for c in text if 0x80 <= ord(c) <= 0x9f or ord(c) in (0x061c, 0x200e, 0x200f, 0x2028, 0x2029)
        or 0x202a <= ord(c) <= 0x202e or 0x2066 <= ord(c) <= 0x2069]
sys.exit(1 if bad else 0)
PY
}
# checked LABEL FILE: the output is clean.
checked() { if clean "$2"; then ok "$1: no control sequence from data"; else fail "$1: a raw control reached the output"; cat -v "$2" | head -20; fi; }
# shows LABEL FILE TEXT: the output holds TEXT literally (the name, made visible).
shows() { if grep -qF -- "$3" "$2"; then ok "$1 shows $3"; else fail "$1 does not show $3"; fi; }

start_sim hostile --scenario hostile
V=(--endpoint-url "$SIM_URL" --region us-east-1)

"$VAULTDECK" status "${V[@]}" >"$work/status.txt" 2>"$work/status.err"
expect "status exit code (critical: the files are out of RPO)" "$?" 2
checked "status text" "$work/status.txt"
checked "status errors" "$work/status.err"
shows "status text" "$work/status.txt" 'weekly\x1b[2J\x1b]52;c;cHduZWQ=\x07'
shows "status text" "$work/status.txt" 'files\u202ehs.exe'
shows "status text" "$work/status.txt" 'failed \u009b2J then\x0aFORGED LINE: all ok'
if grep -q '^FORGED LINE' "$work/status.txt"; then fail "a line break in a message started a line"; else ok "a line break in a message starts no line"; fi

"$VAULTDECK" status "${V[@]}" --output json >"$work/status.json" 2>/dev/null
checked "status JSON" "$work/status.json"
expect "status JSON keeps the plan's real name" \
  "$(python3 -c 'import json,sys; print(any(f["resource_name"].startswith("weekly\x1b[2J") for f in json.load(open(sys.argv[1]))["findings"]))' "$work/status.json")" True

for kind in vaults plans backup-jobs recovery-points protected-resources db-instances; do
  for output in table csv json; do
    "$VAULTDECK" list "$kind" "${V[@]}" --output "$output" >"$work/list.$kind.$output" 2>"$work/list.err"
    expect "list $kind --output $output exit code" "$?" 0
    checked "list $kind --output $output" "$work/list.$kind.$output"
  done
done
shows "list vaults (table)" "$work/list.vaults.table" 'vault\x1b[31m\x07-red'
shows "list plans (csv)" "$work/list.plans.csv" 'weekly\x1b[2J\x1b]52;c;cHduZWQ=\x07'
shows "list backup-jobs (csv)" "$work/list.backup-jobs.csv" 'FORGED LINE'
expect "list backup-jobs --output csv: one record per line (header + jobs)" \
  "$(grep -c $'\r$' "$work/list.backup-jobs.csv")" "$(wc -l <"$work/list.backup-jobs.csv")"

for screen in dashboard rp jobs timeline plans rds drills; do
  "$VAULTDECK" render --screen "$screen" --size 200x50 "${V[@]}" >"$work/render.$screen" 2>"$work/render.err"
  checked "render $screen" "$work/render.$screen"
done
# --ansi keeps vaultdeck's own colours; what came from data still does not pass.
"$VAULTDECK" render --screen plans --size 200x50 --ansi "${V[@]}" >"$work/render.ansi" 2>/dev/null
if grep -qaF $'\e[2J' "$work/render.ansi" || grep -qaF $'\e]52' "$work/render.ansi"; then
  fail "render --ansi: the plan name's clear-screen or OSC 52 passed"
else
  ok "render --ansi: no clear-screen or OSC 52 from the plan name"
fi

"$VAULTDECK" --region $'us-east-1,evil.example\e[2J#x' list vaults --endpoint-url "$SIM_URL" >"$work/region.out" 2>"$work/region.err"
expect "a hostile --region is refused before any request (exit 64)" "$?" 64
checked "the refusal" "$work/region.err"
shows "the refusal" "$work/region.err" "is not an AWS region name"
"$VAULTDECK" --region , list vaults --endpoint-url "$SIM_URL" >"$work/region.out" 2>"$work/region.err"
expect "--region , is refused, not read as regions 'list' and 'vaults' (exit 64)" "$?" 64
shows "the refusal" "$work/region.err" "--region has an empty name"
expect "--region us-east-1,us-east-1 lists each vault once" \
  "$("$VAULTDECK" list vaults --endpoint-url "$SIM_URL" --region us-east-1,us-east-1 --output csv | wc -l)" \
  "$("$VAULTDECK" list vaults --endpoint-url "$SIM_URL" --region us-east-1 --output csv | wc -l)"
"$VAULTDECK" list vaults --endpoint-url 'http://127.0.0.1:1/x?a#b' >"$work/url.out" 2>"$work/url.err"
expect "an --endpoint-url with a query or fragment is refused (exit 64)" "$?" 64

echo "== hostile: the console in tmux, which keeps what OSC 52 sends as a paste buffer"
SOCKET="vd-hostile-$$"
tmx() { tmux -L "$SOCKET" "$@"; }
trap 'tmx kill-server >/dev/null 2>&1; close_work' EXIT
tmx -f /dev/null new-session -d -s h -x 160 -y 45 \
  "'$VAULTDECK' --endpoint-url '$SIM_URL' --region us-east-1; sleep 600"
tmx set -g set-clipboard on
pane_shows() {
  local deadline=$((SECONDS + 20))
  while [ "$SECONDS" -lt "$deadline" ]; do
    tmx capture-pane -p -t h | grep -qF -- "$1" && return 0
    sleep 0.2
  done
  tmx capture-pane -p -t h >&2
  return 1
}
if pane_shows "Dashboard"; then ok "the console opens on the hostile account"; else fail "the console did not open"; fi
for key in 2 3 4 5 6 7 1; do tmx send-keys -t h "$key"; sleep 0.7; done
tmx send-keys -t h 5
if pane_shows "weekly[2J]52;c;cHduZWQ="; then ok "Plans shows the plan's name without its controls"; else fail "Plans does not show the plan"; fi
if tmx capture-pane -p -t h | head -1 | grep -q "^vaultdeck"; then ok "the header is still on the first line (no clear, no cursor move)"; else fail "the header moved"; fi
if tmx list-buffers 2>/dev/null | grep -q .; then
  fail "a paste buffer was set through OSC 52: $(tmx list-buffers)"
else
  ok "no clipboard write reached the terminal"
fi

echo "hostile: $(failures) failures"
[ "$(failures)" -eq 0 ]
