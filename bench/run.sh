#!/usr/bin/env bash
# Builds heho in release mode and runs the benchmarks (see bench/README.md).
# Extra arguments go to bench/run.py, e.g. `bench/run.sh --sizes 100,1000 --skip-ansible`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/check-deps
# Built as a release is shipped on Linux: the Swift runtime and Foundation linked statically
# (direct calls, no dynamic-linker tables; about 10% off a 10,000-resource plan).
swift build -c release --product heho --static-swift-stdlib >&2
exec python3 bench/run.py --heho "$(swift build -c release --static-swift-stdlib --show-bin-path)/heho" "$@"
