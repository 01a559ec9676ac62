#!/usr/bin/env bash
# Runs every fuzz target of redline in turn, each for DURATION (default
# 10m), on one worker each so the machine stays usable, and prints a line
# per target: executions, new corpus entries, and PASS or the failure (a
# failing input is written under the package's testdata/fuzz/, where every
# later `go test` runs it).
#
# Usage: scripts/fuzz.sh [DURATION] [PARALLEL]
set -uo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10m}
parallel=${2:-1}
targets=(
  "./doc FuzzReadText" "./doc FuzzReadMarkdown"
  "./diff FuzzTokenize" "./diff FuzzWords" "./diff FuzzCompare" "./diff FuzzCompareEdits"
  "./render FuzzHTML"
)
status=0
for t in "${targets[@]}"; do
  set -- $t
  log=$(mktemp)
  go test "$1" -run '^$' -fuzz "^$2\$" -fuzztime "$duration" -parallel "$parallel" >"$log" 2>&1
  rc=$?
  execs=$(grep -o 'execs: [0-9]*' "$log" | tail -1)
  if [ $rc -eq 0 ]; then
    echo "$2: PASS, $execs in $duration"
  else
    status=1
    echo "$2: FAIL, $execs"; grep -A4 -- '--- FAIL' "$log" | head -8
  fi
  rm -f "$log"
done
exit $status
