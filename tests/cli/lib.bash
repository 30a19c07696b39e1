# Shared helpers of the command-line tests. Each test script is run by CTest
# as: bash SCRIPT SAMEN_BINARY SOURCE_DIR
set -euo pipefail
SAMEN=$1
SRC=$2
GEN="$(dirname "$SAMEN")/../tools/samen-gen-example"
# Tests assert the English messages; tests/cli/lang.sh checks the Dutch default.
export SAMEN_LANG=en
TMP=$(mktemp -d "${TMPDIR:-/tmp}/samen-cli-XXXXXX")
trap 'rm -rf "$TMP"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }

# run CMD...: runs samen, keeping stdout in $OUT, stderr in $ERR, status in $RC.
run() {
  set +e
  "$SAMEN" "$@" >"$TMP/out" 2>"$TMP/err"
  RC=$?
  set -e
  OUT=$(cat "$TMP/out")
  ERR=$(cat "$TMP/err")
}

expect_rc() { [ "$RC" -eq "$1" ] || fail "expected exit $1, got $RC (stdout: $OUT) (stderr: $ERR)"; }
expect_out() { grep -qF -- "$1" "$TMP/out" || fail "expected '$1' on stdout, got: $OUT"; }
expect_err() { grep -qF -- "$1" "$TMP/err" || fail "expected '$1' on stderr, got: $ERR"; }

# A scratch copy of the example study, without a database.
example_study() {
  cp -r "$SRC/examples/image" "$TMP/study"
  rm -f "$TMP"/study/samen.db*
  echo "$TMP/study"
}

# set_cell FILE LINE COLUMN_NAME VALUE: rewrites one cell of a simple CSV
# (no quoted delimiters) in place.
set_cell() {
  awk -F, -v OFS=, -v line="$2" -v name="$3" -v value="$4" '
    NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) col = i }
    NR == line { if (!col) { print "no column " name > "/dev/stderr"; exit 1 } $col = value }
    { print }' "$1" > "$1.tmp" && mv "$1.tmp" "$1"
}

# column_of FILE NAME: the 1-based column number of NAME in FILE's header.
column_of() {
  head -1 "$1" | tr ',' '\n' | grep -nx -- "$2" | cut -d: -f1
}
