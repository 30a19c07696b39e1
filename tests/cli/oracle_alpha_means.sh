# samen stats alpha and samen stats means against the peers: GNU PSPP
# (RELIABILITY /SUMMARY=TOTAL, MEANS, EXAMINE, DESCRIPTIVES) and R psych
# (alpha() on complete cases, check.keys=FALSE; base R for the means), on
# random survey datasets made with a fixed seed (30, 300 and 3000 cases,
# 4-6 correlated 1-5 items from a latent score plus noise, reverse-keyed
# items, empty cells and the non-substantive code 9).
#
# Every statistic a peer prints must agree with samen's within 1e-6: n,
# mean, sd, median, min, max per group and in total; alpha, standardized
# alpha, mean inter-item r, and per item the scale mean and variance if
# deleted, corrected item-total r, item-total r, alpha and standardized
# alpha if deleted, item mean and sd. The work is in
# tests/oracle/alpha_means/oracle.py; its header lists where the peers are
# known to differ (PSPP DESCRIPTIVES' "Valid N (listwise)", RELIABILITY
# ignoring WEIGHT, listwise over /VARIABLES, psych's two-item alpha.drop).
source "$(dirname "$0")/lib.bash"
command -v pspp >/dev/null || fail "GNU PSPP (pspp) is needed for this test"
command -v Rscript >/dev/null || fail "R (Rscript) is needed for this test"
Rscript -e 'suppressMessages(library(psych))' >/dev/null 2>&1 || fail "R package psych is needed"
/usr/bin/python3 "$SRC/tests/oracle/alpha_means/oracle.py" "$SAMEN" "$TMP" \
  || fail "samen disagrees with PSPP or R (see above)"
echo "1 passed, 0 failed"
