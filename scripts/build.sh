#!/usr/bin/env bash
# Installs what is missing and builds everything into build/ (used by both README commands).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake --preset default >/dev/null
cmake --build --preset default
