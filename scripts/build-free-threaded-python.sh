#!/usr/bin/env bash
# Builds a free-threaded CPython 3.13 (configure --disable-gil) once into a cache and prints its
# interpreter's path on stdout (everything else goes to stderr). A second run finds it and only
# prints the path. The test suite runs the free-threaded paths against it (docs/python.md).
#
#   bash scripts/build-free-threaded-python.sh          # ~2 min on 2 cores the first time
#
# Where: $PERFMATRIX_FT_PYTHON_PREFIX, default ~/.cache/perfmatrix/cpython-3.13t (bin/python3.13t).
# The source is Debian trixie's python3.13 source package: no registry here serves python.org's
# tarballs or pyenv's builds, but Debian's archive serves trixie's sources to a bookworm machine.
# apt reads a private sources list and lists directory for it, so the system's apt sources, lists
# and caches stay as they were; apt checks the download against trixie's signed Release file.
#
# When the build fails, the reason is written to <prefix>.failed (the tests quote it when they
# skip) and the script exits 1; the next run tries again.
set -euo pipefail
# All of it in one block, which bash reads whole before running: the build takes minutes, and a
# checkout that changes this file meanwhile (a pull, a rebase) must not change what runs.
{
prefix=${PERFMATRIX_FT_PYTHON_PREFIX:-${XDG_CACHE_HOME:-$HOME/.cache}/perfmatrix/cpython-3.13t}
python=$prefix/bin/python3.13t
build_deps=(build-essential zlib1g-dev libffi-dev libssl-dev libbz2-dev liblzma-dev libsqlite3-dev)

say() { echo "build-free-threaded-python: $*" >&2; }

# A ready build is one whose interpreter runs without the GIL: a half-installed prefix never is,
# because the finished install is renamed into place in one step.
is_ready() {
    [ -x "$python" ] && "$python" -I -c 'import sys; sys.exit(sys._is_gil_enabled())' 2>/dev/null
}

fail() {
    say "$*"
    mkdir -p "$(dirname "$prefix")"
    echo "$*" >"$prefix.failed"
    exit 1
}

if is_ready; then
    echo "$python"
    exit 0
fi

mkdir -p "$(dirname "$prefix")"
# Two runs at once (two checkouts' test suites) build once: the second waits, then finds it.
exec 9>"$prefix.lock"
flock 9
if is_ready; then
    echo "$python"
    exit 0
fi

missing=()
for p in "${build_deps[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] || fail "missing build dependencies: ${missing[*]} (scripts/install-deps.sh installs them)"

work=$(mktemp -d "${TMPDIR:-/tmp}/perfmatrix-cpython-ft.XXXXXX")
trap 'rm -rf "$work"' EXIT

# This machine's Debian mirror, as its own sources say (deb822 or one-line), else Debian's.
mirror=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
[ -n "$mirror" ] || mirror=$(awk '$1 == "deb" && $2 ~ /^http/ {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
[ -n "$mirror" ] || mirror=http://deb.debian.org/debian

say "fetching trixie's python3.13 source package from $mirror"
mkdir -p "$work/lists/partial" "$work/src"
echo "deb-src $mirror trixie main" >"$work/sources.list"
apt_private=(-o "Dir::Etc::sourcelist=$work/sources.list" -o Dir::Etc::sourceparts=- -o "Dir::State::Lists=$work/lists"
    -o Dir::Cache::pkgcache= -o Dir::Cache::srcpkgcache= -qq)
# As root apt would download as _apt, who cannot write into the private directories; it falls
# back to root with a warning each time. Say so up front instead.
[ "$(id -u)" -ne 0 ] || apt_private+=(-o APT::Sandbox::User=root)
apt-get "${apt_private[@]}" update >&2 || fail "apt-get update of trixie's sources from $mirror failed"
(cd "$work/src" && apt-get "${apt_private[@]}" source --download-only python3.13 >&2) ||
    fail "apt-get source --download-only python3.13 (trixie) failed"
tarball=$(ls "$work"/src/python3.13_*.orig.tar.* 2>/dev/null | head -n 1)
[ -n "$tarball" ] || fail "no python3.13 orig tarball in the source package"
# Python's own release tarball, without Debian's patches (those adapt it to Debian's layout).
tar -xf "$tarball" -C "$work/src"
srcdir=$(find "$work/src" -mindepth 1 -maxdepth 1 -type d -name 'Python-3.13*' | head -n 1)
[ -n "$srcdir" ] || fail "the orig tarball holds no Python-3.13* directory"

say "building $(basename "$srcdir") with --disable-gil (no PGO: the build is for testing, not for speed)"
(
    cd "$srcdir"
    nice ./configure --disable-gil --prefix="$prefix" --without-ensurepip >"$work/configure.log" 2>&1
    nice make -j"$(nproc)" >"$work/make.log" 2>&1
    make altinstall DESTDIR="$work/dest" >"$work/install.log" 2>&1
) || {
    tail -n 20 "$work"/*.log >&2 || true
    fail "building CPython 3.13t failed (configure/make; the log tail is above)"
}

# CPython finds its library from the executable's location, so the staged tree works once moved.
rm -rf "$prefix"
mv "$work/dest$prefix" "$prefix"
rm -f "$prefix.failed"
is_ready || fail "$python was built but does not run with the GIL disabled"
say "built $("$python" -c 'import sys; print(sys.version.split()[0])') free-threaded"
echo "$python"
exit 0
}
