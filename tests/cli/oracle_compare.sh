# samen stats compare against GNU PSPP and R (tests/oracle/compare/check.py).
source "$(dirname "$0")/lib.bash"
/usr/bin/python3 "$SRC/tests/oracle/compare/check.py" "$SAMEN" "$TMP" || fail "oracle disagrees"
echo "1 passed, 0 failed"
