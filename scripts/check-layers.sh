#!/usr/bin/env bash
# Fails when a lower layer of libsamen includes a header of a higher one,
# private ("store/backend.h") or public ("samen/store.h").
# Layers, lowest first:
#   util -> model -> store -> io -> {stats, qual, network} -> report -> web
# Modules of the same rank (stats, qual, network) do not include each other.
set -u
top=${1:-$(dirname "$0")/..}
cd "$top/src" || exit 1
rank() {
  case "$1" in
    util) echo 0 ;; model) echo 1 ;; store) echo 2 ;; io) echo 3 ;;
    stats|qual|network) echo 4 ;; report) echo 5 ;; web) echo 6 ;; *) echo 99 ;;
  esac
}
# The layer of a public header: samen/<name>.h
public_layer() {
  case "$1" in
    status|diag|i18n) echo util ;;
    vocab|instrument|study|sample|dataset) echo model ;;
    store) echo store ;;
    interchange) echo io ;;
    stats_*) echo stats ;;
    qual*) echo qual ;;
    network*) echo network ;;
    codebook*) echo io ;;
    report*|tables*|svg*) echo report ;;
    web*|server*) echo web ;;
    *) echo unknown ;;
  esac
}
bad=0
while IFS= read -r f; do
  layer=$(echo "$f" | cut -d/ -f2)
  mine=$(rank "$layer")
  while IFS= read -r inc; do
    path=$(echo "$inc" | sed -E 's/#include "([^"]+)".*/\1/')
    dir=${path%%/*}
    if [ "$dir" = "samen" ]; then
      name=$(basename "$path" .h)
      target=$(public_layer "$name")
      if [ "$target" = unknown ]; then
        echo "$f: public header $path has no layer in scripts/check-layers.sh"; bad=1; continue
      fi
    else
      target=$dir
    fi
    theirs=$(rank "$target")
    if [ "$theirs" -gt "$mine" ] || { [ "$theirs" -eq "$mine" ] && [ "$target" != "$layer" ]; }; then
      echo "$f includes $path: layer '$layer' must not depend on '$target'"
      bad=1
    fi
  done < <(grep -E '^#include "[a-z_]+/' "$f")
done < <(find . -name '*.[ch]')
# Public headers include only public headers.
if grep -n '#include "' ../include/samen/*.h | grep -v '"samen/'; then
  echo "a public header includes a private header"; bad=1
fi
[ $bad -eq 0 ] && echo "layering ok"
exit $bad
