#!/usr/bin/env bash
# Set-up for samen on Debian: install what is missing, then build.
#   scripts/bootstrap.sh deps            install missing Debian packages
#   scripts/bootstrap.sh build DIR [..]  configure (extra args go to cmake) and build
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages samen builds and tests with. One list, kept here only.
PACKAGES=(
  build-essential cmake pkg-config gettext
  libsqlite3-dev sqlite3 libyaml-dev libcsv-dev libcjson-dev libgsl-dev
  python3 python3-yaml
  libreadstat-dev libxlsxwriter-dev libgraphviz-dev libpq-dev postgresql
  libxml2-dev libxml2-utils libreoffice-calc-nogui
  chromium tidy librsvg2-dev
  pspp r-base-core r-cran-psych python3-igraph
  clang libclang-rt-14-dev
)

missing_packages() {
  local p
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || echo "$p"
  done
}

deps() {
  local missing
  missing=$(missing_packages)
  [ -z "$missing" ] && return 0
  echo "bootstrap: installing missing packages:" $missing
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  # shellcheck disable=SC2086
  $sudo apt-get install -y -qq --no-install-recommends $missing
}

build() {
  local dir=$1; shift
  if [ ! -f "$dir/CMakeCache.txt" ]; then
    cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
  fi
  cmake --build "$dir" -j "$(nproc 2>/dev/null || echo 2)"
}

case "${1:-}" in
  deps) deps ;;
  build) shift; build "$@" ;;
  *) echo "usage: $0 deps | build DIR [cmake args]" >&2; exit 2 ;;
esac
