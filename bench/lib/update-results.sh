#!/usr/bin/env bash
# Puts the report between the generated-results markers of RESULTS.md, keeping the rest
# (the analysis written by hand) as it is.
# usage: update-results.sh <RESULTS.md> <report.md>
set -euo pipefail
results=$1 report=$2
begin='<!-- bench:results:begin (written by bench/run.sh) -->'
end='<!-- bench:results:end -->'
if [[ ! -f "$results" ]] || ! grep -qF "$begin" "$results"; then
    { echo "# Benchmark results"; echo; echo "$begin"; echo "$end"; [[ -f "$results" ]] && cat "$results"; } >"$results.new"
    mv "$results.new" "$results"
fi
awk -v begin="$begin" -v end="$end" -v report="$report" '
    $0 == begin { print; while ((getline line < report) > 0) print line; skip = 1; next }
    $0 == end { skip = 0 }
    !skip { print }' "$results" >"$results.new"
mv "$results.new" "$results"
