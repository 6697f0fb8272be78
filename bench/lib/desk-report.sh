#!/usr/bin/env bash
# Prints the feedback desk's section of the results (scenarios ticketList, invoicesBesideTickets and
# submitFeedback, run at two ticket counts by run.sh): the ratios the issue asks about, all taken
# from the same run, so that the shared machine's load cancels out.
# usage: desk-report.sh <table.tsv> <fewer tickets> <more tickets> <plans dir>
set -euo pipefail
table=$1 small=$2 large=$3 plans=$4
value() { awk -F'\t' -v s="$1" -v r="$2" -v c="$3" -v col="$4" '$1 == s && $2 == r && $3 == c {print $col; exit}' "$table"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a != "" && b != "" && b > 0) printf "%.2f", a / b; else print "n/a" }'; }
c=$(awk -F'\t' '($1 == "ticketList" || $1 == "submitFeedback") && $3 != 1 {print $3; exit}' "$table")
echo
echo "Feedback desk (issue #17; scenarios ticketList, invoicesBesideTickets, submitFeedback; rows = tickets in the database, with the invoices of the main data set):"
echo
echo "| ratio | at $small tickets | at $large tickets |"
echo "|---|---:|---:|"
row() { # row <label> <scenario a> <scenario b> <column> <conc>
    echo "| $1 | $(ratio "$(value "$2" "$small" "$5" "$4")" "$(value "$3" "$small" "$5" "$4")") | $(ratio "$(value "$2" "$large" "$5" "$4")" "$(value "$3" "$large" "$5" "$4")") |"
}
row "ticketList / invoices req/s (c=$c)" ticketList invoicesBesideTickets 4 "$c"
row "ticketList / invoices p50 (c=1)" ticketList invoicesBesideTickets 5 1
row "ticketList / invoices p99 (c=1)" ticketList invoicesBesideTickets 6 1
echo
echo "| flat from $small to $large tickets | req/s (c=$c) at $large / at $small | server CPU per request (c=$c) at $large / at $small | p50 (c=1) at $large / at $small | p99 (c=1) at $large / at $small |"
echo "|---|---:|---:|---:|---:|"
for s in ticketList submitFeedback invoicesBesideTickets; do
    echo "| $s | $(ratio "$(value "$s" "$large" "$c" 4)" "$(value "$s" "$small" "$c" 4)") | $(ratio "$(value "$s" "$large" "$c" 10)" "$(value "$s" "$small" "$c" 10)") | $(ratio "$(value "$s" "$large" 1 5)" "$(value "$s" "$small" 1 5)") | $(ratio "$(value "$s" "$large" 1 6)" "$(value "$s" "$small" 1 6)") |"
done
echo
echo "The queue's plan (EXPLAIN ANALYZE of bench/sql/ticket_list_explain.sql, custom and generic plan):"
echo
for n in "$small" "$large"; do
    [[ -f "$plans/desk-plan-$n.txt" ]] || continue
    echo "- $n tickets, the server's statement: $(grep -m1 -E '(Index|Seq|Bitmap).* on support_ticket ' "$plans/desk-plan-$n.txt" | sed 's/^[ ->]*//') ... execution: $(grep 'Execution Time' "$plans/desk-plan-$n.txt" | sed 's/^ *Execution Time: //' | paste -sd'/' -) (custom / generic / the replaced status = any form)"
done
