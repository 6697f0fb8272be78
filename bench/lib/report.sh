#!/usr/bin/env bash
# Prints the results as Markdown: the machine, the table, pgbench and the ratio, the targets.
# usage: report.sh <table.tsv> <pgbench.tsv> [<pgbench-latency.tsv>]   (settings come from the environment, see run.sh)
set -euo pipefail
table=$1 pgbench=$2 latency=${3:-/dev/null}

mem_gib=$(free -g | awk '/^Mem:/ {print $2}')
cpu=$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)
java_v=$(java -version 2>&1 | head -1)
rev=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$(git -C "$ROOT" status --porcelain -- src pom.xml 2>/dev/null | grep -q . && echo " (with uncommitted changes)" || true)

value() { awk -F'\t' -v s="$1" -v r="$2" -v c="$3" -v col="$4" '$1 == s && $2 == r && $3 == c {print $col; exit}' "$table"; }
check() { # check <actual> <op> <target> -> ✅ / ❌ / n/a
    local a=$1 op=$2 t=$3
    [[ -z "$a" || "$a" == "?" ]] && { echo "n/a"; return; }
    awk -v a="$a" -v t="$t" -v op="$op" 'BEGIN { ok = (op == ">=") ? (a >= t) : (a <= t); print ok ? "✅" : "❌" }'
}

echo "Date: $(date -u '+%Y-%m-%d %H:%M UTC') · machine: $(nproc) cores ($cpu), ${mem_gib} GiB RAM, $(. /etc/os-release && echo "$PRETTY_NAME")"
echo "Versions: $java_v; PostgreSQL $PG_VERSION; $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2); server at commit $rev$dirty"
echo "Run: $ROWS invoices / $ORGS organisations / $MONTHS months (data load: ${LOAD_SECONDS} s), $NKEYS random keys from the whole data set;"
echo "wrk $THREADS threads, c=$CONNECTIONS for $DURATION and c=1 for $LATENCY_DURATION after a warm-up; server \`-Xmx$HEAP $JVM_OPTS\`, DB_POOL_MAX_SIZE=$POOL,"
echo "rate limiter off (FAPIAO_RATE_LIMIT_ENABLED=false: the API is measured, not the limiter). Load average before/after: $LOAD_AVG_BEFORE / $LOAD_AVG_AFTER."
echo
echo "| scenario | rows | conc. | req/s | p50 ms | p99 ms | errors | requests | peak RSS MiB | server CPU ms/req |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
awk -F'\t' '{printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10}' "$table"
echo
echo "Errors = non-200 answers + answers with GraphQL \`errors\` + socket errors. Peak RSS = VmHWM of the server"
echo "process during the c=$CONNECTIONS run (reset before it through /proc/<pid>/clear_refs). Server CPU ms/req =
user+system CPU time of the server process during the c=$CONNECTIONS run / requests (does not depend on other load)."
echo
echo "| pgbench (same lookup, -M prepared, c=$CONNECTIONS, $DURATION) | rows | tps | avg latency ms | failed |"
echo "|---|---:|---:|---:|---:|"
awk -F'\t' '{printf "| %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5}' "$pgbench"
echo
uncached=$(value byNumberNoCache "$ROWS" "$CONNECTIONS" 4)
db3=$(awk -F'\t' '$1 ~ /^invoice with lines/ {print $3; exit}' "$pgbench")
db1=$(awk -F'\t' '$1 ~ /^invoice row only/ {print $3; exit}' "$pgbench")
ratio3=$(awk -v a="${uncached:-0}" -v b="${db3:-0}" 'BEGIN { if (b > 0) printf "%.0f%%", 100 * a / b; else print "n/a" }')
ratio1=$(awk -v a="${uncached:-0}" -v b="${db1:-0}" 'BEGIN { if (b > 0) printf "%.0f%%", 100 * a / b; else print "n/a" }')
echo "GraphQL / database throughput for invoiceByNumber without cache: **$ratio3** of pgbench running the same statement"
echo "per lookup ($ratio1 of the lookup of the bare row)."
echo
echo "Gap-free numbering after issueInvoice and the mix (per prefix count = max - min + 1 = counter): **$GAP_OK**"
echo
echo "| target | measured | |"
echo "|---|---|---|"
v=$(value byNumberNoCache "$ROWS" "$CONNECTIONS" 4); echo "| invoiceByNumber uncached ≥ 10,000 req/s (c=$CONNECTIONS) | $v | $(check "$v" ">=" 10000) |"
v=$(value byNumberNoCache "$ROWS" "$CONNECTIONS" 6); echo "| invoiceByNumber uncached p99 ≤ 10 ms | $v | $(check "$v" "<=" 10) |"
echo "| invoiceByNumber uncached ≥ 25% of pgbench | $ratio3 | $(check "${ratio3%\%}" ">=" 25) |"
v=$(value byNumber "$ROWS" "$CONNECTIONS" 4); echo "| invoiceByNumber cached ≥ 15,000 req/s | $v | $(check "$v" ">=" 15000) |"
v=$(value byNumberHot "$ROWS" "$CONNECTIONS" 4)
if [[ -n "$v" ]]; then echo "| (not a target) invoiceByNumber cached, a share of ${BENCH_HOT_SHARE:-0.9} of the lookups on a hot set of ${BENCH_HOT_KEYS:-1000} invoices | $v | |"; fi
v=$(value invoices "$ROWS" "$CONNECTIONS" 4); echo "| invoices first page ≥ 3,000 req/s | $v | $(check "$v" ">=" 3000) |"
v=$(value invoices "$ROWS" "$CONNECTIONS" 6); echo "| invoices first page p99 ≤ 25 ms | $v | $(check "$v" "<=" 25) |"
v1=$(value invoices "$FLAT_ROWS" "$CONNECTIONS" 4)
if [[ -n "$v1" && -n "$(value invoices "$ROWS" "$CONNECTIONS" 4)" ]]; then
    flat=$(awk -v a="$(value invoices "$ROWS" "$CONNECTIONS" 4)" -v b="$v1" 'BEGIN { printf "%.0f%%", 100 * a / b }')
    echo "| invoices flat from $FLAT_ROWS to $ROWS rows (throughput at $ROWS / at $FLAT_ROWS) | $flat | $(check "${flat%\%}" ">=" 80) |"
fi
v=$(value diagnose "$ROWS" "$CONNECTIONS" 6); echo "| diagnoseInvoice with a typo p99 ≤ 50 ms | $v | $(check "$v" "<=" 50) |"
v=$(value issue "$ROWS" "$CONNECTIONS" 4); echo "| issueInvoice ≥ 1,000 invoices/s | $v | $(check "$v" ">=" 1000) |"
rss=$(awk -F'\t' '$9 != "?" && $9 > m {m = $9} END {print m}' "$table"); echo "| RSS ≤ 512 MiB (highest peak) | $rss | $(check "$rss" "<=" 512) |"

# Reports (organisation 1, the large taxpayer): the server against pgbench running the server's statements in the same run.
if [[ -s "$latency" ]]; then
    echo
    echo "| report | server uncached c=1 p50 / p99 ms | pgbench c=1 p50 / p99 ms | p99 server / pgbench | server uncached c=$CONNECTIONS req/s | pgbench c=$CONNECTIONS tps | server cached c=$CONNECTIONS req/s |"
    echo "|---|---:|---:|---:|---:|---:|---:|"
    while IFS=$'\t' read -r label rows tps p50 p99; do
        s50=$(value "${label}NoCache" "$rows" 1 5); s99=$(value "${label}NoCache" "$rows" 1 6)
        ratio=$(awk -v a="${s99:-0}" -v b="$p99" 'BEGIN { if (a > 0 && b > 0) printf "%.2f", a / b; else print "n/a" }')
        tps32=$(awk -F'\t' -v l="$label (the server's statements)" '$1 == l {print $3; exit}' "$pgbench")
        echo "| $label | ${s50:-?} / ${s99:-?} | $p50 / $p99 | $ratio | $(value "${label}NoCache" "$rows" "$CONNECTIONS" 4) | ${tps32:-?} | $(value "$label" "$rows" "$CONNECTIONS" 4) |"
    done <"$latency"
    echo
    echo "| report target | measured | |"
    echo "|---|---|---|"
    v=$(value statisticsMonthNoCache "$ROWS" 1 6); echo "| statistics of a month uncached p99 ≤ 50 ms (c=1) | $v | $(check "$v" "<=" 50) |"
    v=$(value statisticsYearNoCache "$ROWS" 1 6); echo "| statistics of a year uncached p99 ≤ 300 ms (c=1) | $v | $(check "$v" "<=" 300) |"
    while IFS=$'\t' read -r label rows tps p50 p99; do
        s99=$(value "${label}NoCache" "$rows" 1 6)
        ratio=$(awk -v a="${s99:-0}" -v b="$p99" 'BEGIN { if (a > 0 && b > 0) printf "%.2f", a / b; else print "" }')
        echo "| $label uncached p99 ≤ 2 × pgbench's (c=1) | ${ratio:-n/a} | $(check "$ratio" "<=" 2) |"
    done <"$latency"
    cached=$(value byNumber "$ROWS" "$CONNECTIONS" 4)
    for label in statisticsMonth statisticsYear; do
        v=$(value "$label" "$ROWS" "$CONNECTIONS" 4)
        echo "| $label cached ≥ cached invoiceByNumber ($cached req/s, c=$CONNECTIONS) | $v | $(check "$v" ">=" "${cached:-999999999}") |"
    done
fi
