#!/usr/bin/env bash
# Fails when C sources call functions the house style bans (as curl does).
set -u
top=${1:-$(dirname "$0")/..}
cd "$top" || exit 1
pattern='\b(sprintf|vsprintf|strcpy|strcat|strtok|atoi|atol|sscanf|gets)[[:space:]]*\('
if grep -rnE "$pattern" src app include tests --include='*.c' --include='*.h'; then
  echo "banned functions used (see STYLE.md)"; exit 1
fi
echo "no banned functions"
