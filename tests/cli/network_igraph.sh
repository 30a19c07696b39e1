# samen network metrics against python-igraph: the example drawings and 80
# random drawings (seeded), exported as GraphML by samen and read by igraph
# (tests/oracle/network/igraph_oracle.py states the igraph settings).
source "$(dirname "$0")/lib.bash"
/usr/bin/python3 -c 'import igraph' 2>/dev/null || fail "python3-igraph is not installed (scripts/bootstrap.sh deps)"
/usr/bin/python3 "$SRC/tests/oracle/network/igraph_oracle.py" "$SAMEN" "$TMP" \
  --random 80 20231 "$SRC"/examples/image/networks/*.yaml || fail "metrics differ from igraph"
echo "1 passed, 0 failed"
