#!/usr/bin/env bash
# Formats the C++ files with clang-format by .clang-format (written for clang-format 14, Debian 12's
# `clang-format` package). scripts/test.sh runs --check, so CI fails on a file that differs.
#   bash scripts/format.sh                 # format every C++ file in place
#   bash scripts/format.sh --check         # change nothing; list the files that differ, exit 1 if any
#   bash scripts/format.sh [--check] FILE...  # only these files
# Every file: the tracked and the untracked-but-not-ignored *.cpp/*.hpp/*.h/*.cc/*.cu/*.cuh, so no build*/
# directory (git ignores them; without git, `find` skips them). $CLANG_FORMAT picks another binary.
set -euo pipefail
cd "$(dirname "$0")/.."

check=0
if [ "${1:-}" = --check ]; then check=1; shift; fi
case "${1:-}" in -*) echo "usage: $0 [--check] [FILE...]" >&2; exit 2 ;; esac

clang_format=${CLANG_FORMAT:-clang-format}
if ! version=$("$clang_format" --version 2>/dev/null); then
  echo "format: $clang_format not found (Debian: apt-get install clang-format)" >&2
  exit 2
fi
case "$version" in
  *"version 14."*) ;;
  *) echo "format: warning: .clang-format was tuned with clang-format 14; this is: $version" >&2 ;;
esac

files=()
if [ $# -gt 0 ]; then
  files=("$@")
elif git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  while IFS= read -r -d '' f; do
    case "$f" in build*/*) continue ;; esac
    [ -f "$f" ] && files+=("$f")
  done < <(git ls-files -z --cached --others --exclude-standard -- \
             '*.cpp' '*.hpp' '*.h' '*.cc' '*.cu' '*.cuh')
else
  while IFS= read -r -d '' f; do files+=("${f#./}"); done < <(
    find . \( -path './build*' -o -path './.git' -o -path './runs' \) -prune -o -type f \
      \( -name '*.cpp' -o -name '*.hpp' -o -name '*.h' -o -name '*.cc' -o -name '*.cu' -o -name '*.cuh' \) \
      -print0 | sort -z)
fi

if [ "$check" = 0 ]; then
  printf '%s\0' "${files[@]}" | xargs -0 -r -n 50 "$clang_format" -i --style=file
  echo "format: ${#files[@]} files formatted"
  exit 0
fi

differ=0
for f in "${files[@]}"; do
  if ! "$clang_format" --style=file "$f" | cmp -s - "$f"; then
    echo "$f"
    differ=$((differ + 1))
  fi
done
if [ "$differ" -gt 0 ]; then
  echo "format: $differ of ${#files[@]} files differ from .clang-format (see one: $clang_format FILE | diff FILE -;" \
       "fix: bash scripts/format.sh)" >&2
  exit 1
fi
echo "format: ${#files[@]} files match .clang-format"
