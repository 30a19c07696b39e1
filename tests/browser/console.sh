# console.sh HTML: loads HTML in headless Chromium (the flags of shot.sh)
# with --enable-logging=stderr --v=0 and fails when the page wrote to the
# JavaScript console or threw (an "Uncaught" error). Only Chromium's JS
# console log lines count -- "[pid:tid:time:LEVEL:CONSOLE:line]" or the older
# "CONSOLE(line)" -- and an Uncaught error reported with a page source, so
# the dbus, GPU and bluetooth noise of a container does not fail the test.
# Prints the offending lines. Exits 0 clean, 1 console messages, 2 Chromium
# failed, 77 when /usr/bin/chromium is missing.
set -uo pipefail
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
[ -x "$CHROMIUM" ] || exit 77
[ -f "$1" ] || { echo "console.sh: no file $1" >&2; exit 2; }
profile=$(mktemp -d)
log=$(mktemp)
trap 'rm -rf "$profile" "$log"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
       --disable-background-networking --disable-component-update --disable-sync
       --user-data-dir="$profile" --enable-logging=stderr --v=0)
timeout 120 "$CHROMIUM" "${flags[@]}" --dump-dom "file://$(realpath "$1")" >/dev/null 2>"$log"
rc=$?
[ $rc -eq 0 ] || { tail -5 "$log" >&2; exit 2; }
pat='^\[[^]]*:CONSOLE(:[0-9]+|\([0-9]+\))\]|Uncaught [A-Za-z]*.*source: '
if grep -Eq "$pat" "$log"; then
  grep -E "$pat" "$log"
  exit 1
fi
exit 0
