# shot.sh HTML PNG DOM: headless Chromium screenshot (1280x4000) of HTML into
# PNG and its DOM into DOM. Exits 77 when /usr/bin/chromium is missing.
set -euo pipefail
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
[ -x "$CHROMIUM" ] || exit 77
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
       --disable-background-networking --disable-component-update --disable-sync
       --user-data-dir="$profile")
timeout 120 "$CHROMIUM" "${flags[@]}" --screenshot="$2" --window-size=1280,4000 "file://$1" >/dev/null 2>&1
timeout 120 "$CHROMIUM" "${flags[@]}" --dump-dom "file://$1" > "$3" 2>/dev/null
