#!/usr/bin/env bash
# Extracts every _() and N_() message into po/samen.pot and rewrites
# po/nl.po from po/translate.py's table (fails on an untranslated message).
set -euo pipefail
cd "$(dirname "$0")/.."
xgettext --from-code=UTF-8 -k_ -kN_ --language=C --package-name=samen -o po/samen.pot \
  $(find app src -name '*.c' | sort)
/usr/bin/python3 po/translate.py
