#!/usr/bin/env bash
# Time and peak memory of redline on large odd inputs (see
# scripts/oddinput/main.go), against the budget: near-linear time, peak RSS
# under 10× the two inputs' size plus 100 MB. Needs /usr/bin/time (Debian
# package "time").
#
# Usage: scripts/oddinput.sh [FORMAT]   (default json)
set -euo pipefail
cd "$(dirname "$0")/.."
format=${1:-json}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/redline" ./cmd/redline
go run ./scripts/oddinput "$work"
printf '| case | inputs (MB) | time (s) | peak RSS (MB) | budget (MB) | within |\n| --- | --- | --- | --- | --- | --- |\n'
for c in bigpara nopunct million identical; do
  old="$work/$c-old.txt" new="$work/$c-new.txt"
  in=$(( $(stat -c %s "$old") + $(stat -c %s "$new") ))
  /usr/bin/time -f '%e %M' -o "$work/time" "$work/redline" compare -f "$format" "$old" "$new" -o "$work/out" 2>/dev/null || [ $? -le 1 ]
  read -r secs kb < <(tail -n 1 "$work/time")  # after any "Command exited with …" line
  budget=$(( in * 10 / 1048576 + 100 ))
  rss=$(( kb / 1024 ))
  within=yes; [ "$rss" -le "$budget" ] || within=NO
  printf '| %s | %.1f | %s | %d | %d | %s |\n' "$c" "$(echo "$in/1048576" | bc -l)" "$secs" "$rss" "$budget" "$within"
done
