#!/usr/bin/env bash
# Fails when a lower layer of libsamen includes a header of a higher one.
# Layers, lowest first: util -> model -> {store, io, stats, qual, network} -> report -> web.
set -u
top=${1:-$(dirname "$0")/..}
cd "$top/src" || exit 1
rank() {
  case "$1" in
    util) echo 0 ;; model) echo 1 ;;
    store|io|stats|qual|network) echo 2 ;;
    report) echo 3 ;; web) echo 4 ;; *) echo 9 ;;
  esac
}
bad=0
for f in $(find . -name '*.[ch]'); do
  layer=$(echo "$f" | cut -d/ -f2)
  mine=$(rank "$layer")
  while read -r inc; do
    target=$(echo "$inc" | sed -E 's/#include "([a-z]+)\/.*/\1/')
    [ "$target" = "samen" ] && continue
    theirs=$(rank "$target")
    if [ "$theirs" -gt "$mine" ] || { [ "$theirs" -eq 2 ] && [ "$mine" -eq 2 ] && [ "$target" != "$layer" ]; }; then
      echo "$f includes $inc: layer '$layer' must not depend on '$target'"
      bad=1
    fi
  done < <(grep -E '^#include "[a-z]+/' "$f")
done
# The public headers must not include private ones.
if grep -n '#include "' ../include/samen/*.h | grep -v '"samen/'; then
  echo "a public header includes a private header"; bad=1
fi
[ $bad -eq 0 ] && echo "layering ok"
exit $bad
