#!/usr/bin/env bash
# The whole test suite N times in a row on a loaded machine, stopping at the first failure.
#
#     scripts/soak.sh [N] [LOAD]        # default N=10, LOAD = one busy process per core
#     make soak N=10
#
# The load is `stress-ng --cpu LOAD` when stress-ng is installed (apt-get install stress-ng), else
# LOAD Python busy loops; either is stopped when the script ends, also on Ctrl-C or a failure.
# Tests must wait for conditions, never for time: a suite that passes here does not depend on speed.
set -euo pipefail

runs="${1:-10}"
load="${2:-$(nproc)}"
root="$(cd "$(dirname "$0")/.." && pwd)"
python="${PYTHON:-$root/.venv/bin/python}"
[ -x "$python" ] || python="$(command -v python3)"
cd "$root"

loaders=()
stop_load() {
    for pid in "${loaders[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    wait 2>/dev/null || true
}
trap stop_load EXIT

if command -v stress-ng >/dev/null; then
    stress-ng --cpu "$load" --quiet &
    loaders+=("$!")
    echo "load: stress-ng --cpu $load"
else
    for _ in $(seq "$load"); do
        "$python" -c 'while True: pass' &
        loaders+=("$!")
    done
    echo "load: $load Python busy loops (stress-ng not installed)"
fi

for run in $(seq "$runs"); do
    started=$(date +%s)
    if ! "$python" -m pytest -q -p no:cacheprovider -x; then
        echo "soak: run $run of $runs FAILED (after $((run - 1)) passing runs)" >&2
        exit 1
    fi
    echo "soak: run $run of $runs passed in $(($(date +%s) - started)) s"
done
echo "soak: all $runs runs passed under load $load"
