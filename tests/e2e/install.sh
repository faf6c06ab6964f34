#!/usr/bin/env bash
# Install: `cmake --install` of the build into a throw-away prefix puts
# every file where GNUInstallDirs says; the man page documents exactly the
# options each command's --help lists; the bash completion completes
# subcommands, list kinds, screens and formats; zsh and fish scripts parse;
# the installed binary names its commit and libraries.
#
# Needs $VAULTDECK (the binary in BUILD/tui/) and $ROOT; run by scripts/test.
set -euo pipefail
: "${VAULTDECK:?set VAULTDECK to the vaultdeck binary}"
BUILD="$(cd "$(dirname "$VAULTDECK")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0
ok() { echo "  ok   $*"; }
fail() { echo "  FAIL $*"; failures=$((failures + 1)); }
expect() { if [ "$2" = "$3" ]; then ok "$1"; else fail "$1: expected '$3', got '$2'"; fi; }

echo "== install: cmake --install into a temporary prefix"
cmake --build "$BUILD" --target vaultdeck_docs >/dev/null
cmake --install "$BUILD" --prefix "$work/usr" >/dev/null
for f in bin/vaultdeck share/man/man1/vaultdeck.1 share/bash-completion/completions/vaultdeck \
         share/zsh/vendor-completions/_vaultdeck share/fish/vendor_completions.d/vaultdeck.fish \
         share/doc/vaultdeck/README.md share/doc/vaultdeck/config.example.toml share/doc/vaultdeck/list-json.md \
         share/doc/vaultdeck/status-json.md share/doc/vaultdeck/runbooks.md \
         share/doc/vaultdeck/iam/vaultdeck-readonly.json share/doc/vaultdeck/iam/vaultdeck-restore.json; do
  if [ -s "$work/usr/$f" ]; then ok "$f"; else fail "$f is missing"; fi
done
BIN="$work/usr/bin/vaultdeck"
MAN="$work/usr/share/man/man1/vaultdeck.1"

echo "== install: the man page"
if command -v groff >/dev/null; then
  warnings="$(groff -man -Tutf8 -ww -z "$MAN" 2>&1 | head -5)"
  expect "groff renders the page without warnings" "$warnings" ""
fi
for section in NAME SYNOPSIS OPTIONS COMMANDS "LIST KINDS" ENVIRONMENT FILES "EXIT STATUS"; do
  if grep -q "^\.SH \"\?$section\"\?$" "$MAN"; then ok "section $section"; else fail "no section $section"; fi
done

# The long options of one man page section: .SS "vaultdeck CMD" up to the next .SS/.SH
# (OPTIONS for the top level), read from each .TP paragraph's head, as "--name" lines.
man_options() {
  local cmd="$1"
  if [ -z "$cmd" ]; then
    sed -n '/^\.SH OPTIONS/,/^\.S[HS] /p' "$MAN"
  else
    awk -v head=".SS \"vaultdeck $cmd\"" '$0 == head {on = 1; next} on && /^\.S[HS] / {exit} on {print}' "$MAN"
  fi | awk 'head {print; head = 0} /^\.TP$/ {head = 1}' | sed 's/\\-/-/g' | grep -o -- '--[a-z][a-z-]*' | sort -u
}
# The long options `vaultdeck CMD --help` lists (global ones shown at the top level only).
help_options() {
  # shellcheck disable=SC2086
  "$BIN" $1 --help | awk '/^(Options|OPTIONS):/ {on = 1; next} /^[A-Za-z].*:$/ {on = 0} on' |
    grep -o -- '--[a-z][a-z-]*' | sort -u
}
commands=("" list status "drill run" "runbook show" "runbook lint" resume render "config check" "sim serve")
for cmd in "${commands[@]}"; do
  m="$(man_options "$cmd")"; h="$(help_options "$cmd")"
  if [ -n "$m" ] && [ "$m" = "$h" ]; then
    ok "man page and --help agree on vaultdeck ${cmd:-(global)}: $(echo $m | wc -w) options"
  else
    fail "vaultdeck ${cmd:-(global)}: man page has [$(echo $m)], --help has [$(echo $h)]"
  fi
done

echo "== install: shell completion"
complete_bash() {
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); _vaultdeck; echo "${COMPREPLY[*]}"' \
    _ "$work/usr/share/bash-completion/completions/vaultdeck" "$@"
}
expect "vaultdeck li<TAB>" "$(complete_bash vaultdeck li)" "list"
expect "vaultdeck list re<TAB>" "$(complete_bash vaultdeck list re)" "recovery-points restore-jobs"
expect "vaultdeck list vaults --output <TAB>" "$(complete_bash vaultdeck list vaults --output '')" "table json csv"
expect "vaultdeck status --output <TAB>" "$(complete_bash vaultdeck status --output '')" "text json"
expect "vaultdeck drill r<TAB>" "$(complete_bash vaultdeck drill r)" "run"
expect "vaultdeck drill run --runbook mon<TAB>" "$(complete_bash vaultdeck drill run --runbook mon)" "monthly-drill"
screens="$(complete_bash vaultdeck render --screen '')"
case " $screens " in *" dashboard "*" audit "*) ok "render --screen <TAB>: $screens" ;; *) fail "render --screen <TAB>: '$screens'" ;; esac
top="$(complete_bash vaultdeck '')"
for word in list status drill runbook resume render config sim --demo --region --profile; do
  case " $top " in *" $word "*) ;; *) fail "vaultdeck <TAB> lacks $word: $top" ;; esac
done
ok "vaultdeck <TAB> offers every command and the global options"
if command -v zsh >/dev/null; then
  if zsh -n "$work/usr/share/zsh/vendor-completions/_vaultdeck"; then ok "zsh script parses"; else fail "zsh script"; fi
fi
if command -v fish >/dev/null; then
  if fish -n "$work/usr/share/fish/vendor_completions.d/vaultdeck.fish"; then ok "fish script parses"; else fail "fish script"; fi
fi
grep -q -- "-l output -x -a 'table json csv'" "$work/usr/share/fish/vendor_completions.d/vaultdeck.fish" &&
  ok "fish completes list --output" || fail "fish script has no list --output values"

echo "== install: the installed binary"
version="$("$BIN" --version)"
case "$version" in
  "vaultdeck "*"(commit "*")"*libcurl*OpenSSL*ncurses*) ok "--version: $(echo "$version" | tr '\n' ' ')" ;;
  *) fail "--version: $version" ;;
esac

echo "install: $failures failures"
[ "$failures" -eq 0 ]
