#!/usr/bin/env bash
# Builds heho in release mode and runs the benchmarks (see bench/README.md).
# Extra arguments go to bench/run.py, e.g. `bench/run.sh --sizes 100,1000 --skip-ansible`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/check-deps
swift build -c release --product heho >&2
exec python3 bench/run.py --heho "$(swift build -c release --show-bin-path)/heho" "$@"
