# Shared helpers of the command-line tests. Each test script is run by CTest
# as: bash SCRIPT SAMEN_BINARY SOURCE_DIR
set -euo pipefail
SAMEN=$1
SRC=$2
GEN="$(dirname "$SAMEN")/../tools/samen-gen-example"
# Tests assert the English messages; tests/cli/lang.sh checks the Dutch default.
export SAMEN_LANG=en
TMP=$(mktemp -d "${TMPDIR:-/tmp}/samen-cli-XXXXXX")
PSQL=${PSQL:-psql}

# With SAMEN_TEST_PG_URL set (CTest's pg_cli_* runs), each study's data
# live in a PostgreSQL database of their own on that server, created on
# first use and dropped at exit; otherwise in the study's SQLite file.
cleanup() {
  if [ -n "${SAMEN_TEST_PG_URL:-}" ]; then
    local db
    for db in $("$PSQL" -XAtq "$SAMEN_TEST_PG_URL" -c \
        "SELECT datname FROM pg_database WHERE datname LIKE 'samen\_cli\_$$\_%'"); do
      "$PSQL" -XAtq "$SAMEN_TEST_PG_URL" -c "DROP DATABASE \"$db\" WITH (FORCE)" >/dev/null || true
    done
  fi
  rm -rf "$TMP"
}
trap cleanup EXIT

# on_postgres: true when this run keeps the data in PostgreSQL.
on_postgres() { [ -n "${SAMEN_TEST_PG_URL:-}" ]; }

# pg_url_with_db URL DB: URL with its database name replaced by DB.
pg_url_with_db() {
  local scheme=${1%%://*} rest=${1#*://} auth tail
  auth=${rest%%[/?]*}
  tail=${rest:${#auth}}
  if [[ $tail == /* ]]; then
    if [[ $tail == *\?* ]]; then tail="?${tail#*\?}"; else tail=""; fi
  fi
  echo "$scheme://$auth/$2$tail"
}

# db_url STUDY: the URL of STUDY's data in this run: sqlite:STUDY/samen.db,
# or a PostgreSQL database named after STUDY's path (created when missing).
db_url() {
  if ! on_postgres; then
    echo "sqlite:$1/samen.db"
    return
  fi
  local db
  db="samen_cli_$$_$(printf '%s' "$1" | cksum | cut -d' ' -f1)"
  if [ -z "$("$PSQL" -XAtq "$SAMEN_TEST_PG_URL" -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]; then
    "$PSQL" -XAtq "$SAMEN_TEST_PG_URL" -c "CREATE DATABASE $db" >/dev/null ||
      fail "cannot create database $db"
  fi
  pg_url_with_db "$SAMEN_TEST_PG_URL" "$db"
}

# db_args STUDY: the --db option for STUDY, as one word: quote it,
#   run import --study "$study" "$(db_args "$study")" ...
db_args() { echo "--db=$(db_url "$1")"; }

# db_fingerprint STUDY: a checksum of everything STUDY's database holds:
# the SQLite file byte for byte, or on PostgreSQL a dump of every table
# (rows sorted), so that "unchanged" means the same on both.
db_fingerprint() {
  if ! on_postgres; then
    sha256sum "$1/samen.db" | cut -d' ' -f1
    return
  fi
  local url t
  url=$(db_url "$1")
  for t in $("$PSQL" -XAtq "$url" -c \
      "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1"); do
    echo "== $t"
    "$PSQL" -XAtq "$url" -c "COPY (SELECT * FROM \"$t\" x ORDER BY x) TO STDOUT"
  done | sha256sum | cut -d' ' -f1
}

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
