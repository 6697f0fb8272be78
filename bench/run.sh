#!/usr/bin/env bash
# The benchmark of fapiao-server: builds the jar, starts a dedicated PostgreSQL cluster, loads
# a generated data set, starts the server with the production profile and runs the GraphQL
# scenarios with wrk, plus the same lookup through pgbench. See bench/README.md.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")

ROWS=${BENCH_ROWS:-1000000}
ORGS=${BENCH_ORGS:-2000}
MONTHS=${BENCH_MONTHS:-36}
ISSUER_ORGS=${BENCH_ISSUER_ORGS:-20}
BIG_SHARE=${BENCH_BIG_SHARE:-0.2}               # share of the invoices issued by organisation 1, the large taxpayer
FLAT_ROWS=${BENCH_FLAT_ROWS:-100000}          # second, smaller data set for the invoices list; 0 = skip
NKEYS=${BENCH_KEYS:-100000}
DURATION=${BENCH_DURATION:-20s}
LATENCY_DURATION=${BENCH_LATENCY_DURATION:-10s}
WARMUP=${BENCH_WARMUP:-60s}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
THREADS=${BENCH_THREADS:-2}
SCENARIOS=${BENCH_SCENARIOS:-byNumberNoCache byNumber byNumberHot invoices invoicesWithLines verify diagnose issue mix statisticsMonthNoCache statisticsYearNoCache vatSummaryNoCache statisticsMonth statisticsYear vatSummary byNumberPersisted invoicesPersisted subscriptions registerExport}
[[ -z "${BENCH_SCENARIOS:-}" ]] && SCENARIOS+=" ticketList submitFeedback"   # the feedback desk (issue #17), see desk_run
SUBSCRIBERS=${BENCH_SUBSCRIBERS:-1000}        # subscriptions: WebSocket subscribers ...
SUB_ORGS=${BENCH_SUB_ORGS:-100}               # ... spread over this many organisations ...
SUB_RATE=${BENCH_SUB_RATE:-50}                # ... while this many status changes per second are committed
SUB_WARMUP=${BENCH_SUB_WARMUP:-15s}           # ... for this long before latencies count
REGISTER_LINES=${BENCH_REGISTER_LINES:-100000}
POOL=${DB_POOL_MAX_SIZE:-16}
HEAP=${BENCH_HEAP:-256m}
# Serial GC, as the JVM chooses by itself in a container with less than 2 CPUs or 1792 MiB (ours
# has 768 MiB): on 2 shared cores it gave more throughput than G1 and 200 MiB less RSS. Plus caps
# on code cache, metaspace and thread stacks, so the process stays within the 512 MiB target.
JVM_OPTS=${BENCH_JVM_OPTS--XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=160m -Xss512k}
HTTP_PORT=${BENCH_PORT:-8089}
# Health and metrics: the management interface, a port of its own.
MANAGEMENT_PORT=${BENCH_MANAGEMENT_PORT:-9089}
PG_PORT=${BENCH_PG_PORT:-55432}
PG_CLUSTER=${BENCH_PG_CLUSTER:-fapiao_bench}
WORK=${BENCH_WORK:-/tmp/fapiao-bench}
RESULTS=${BENCH_RESULTS:-$HERE/RESULTS.md}
PASSWORD=bench-password
DB_USER=fapiao_bench
DB_PASSWORD=bench
export LC_ALL=C.UTF-8

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
secs() { local d=$1; case $d in *m) echo $(( ${d%m} * 60 ));; *s) echo "${d%s}";; *) echo "$d";; esac; }

mkdir -p "$WORK"
SERVER_PID=

cleanup() {
    if [[ -n "${SERVER_PID:-}" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
}
trap cleanup EXIT

# ------------------------------------------------------------------ tools
install_tools() {
    local missing=()
    command -v wrk >/dev/null || missing+=(wrk)
    command -v pg_createcluster >/dev/null && ls /usr/lib/postgresql/*/bin/pgbench >/dev/null 2>&1 || missing+=(postgresql postgresql-contrib)
    command -v htpasswd >/dev/null || missing+=(apache2-utils)
    command -v openssl >/dev/null || missing+=(openssl)
    command -v curl >/dev/null || missing+=(curl)
    command -v java >/dev/null || missing+=(openjdk-17-jdk-headless)
    if (( ${#missing[@]} )); then
        log "installing ${missing[*]}"
        [[ $(id -u) == 0 ]] || die "run as root (or install: ${missing[*]})"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
}

# async-profiler (BENCH_PROFILE=1): the agent library from its Maven Central artifact.
PROFILER_VERSION=4.2
PROFILER_LIB=
fetch_profiler() {
    [[ "${BENCH_PROFILE:-0}" == 1 ]] || return 0
    local jar=$WORK/async-profiler-$PROFILER_VERSION.jar
    # Through Maven (the project's own client for artifacts of Maven Central), into the work directory.
    [[ -f $jar ]] || "$ROOT/mvnw" -B -q dependency:copy -Dartifact="tools.profiler:async-profiler:$PROFILER_VERSION" \
        -DoutputDirectory="$WORK" -Dmdep.overWriteIfNewer=true >"$WORK/async-profiler-fetch.log" 2>&1 \
        || die "async-profiler $PROFILER_VERSION could not be fetched: $(tail -3 "$WORK/async-profiler-fetch.log")"
    (cd "$WORK" && jar xf "$jar" linux-x64/libasyncProfiler.so)
    PROFILER_LIB=$WORK/linux-x64/libasyncProfiler.so
}
# profiler start|stop <label>: CPU samples every 2 ms (itimer works without perf events, e.g. in VMs).
profiler() {
    [[ -n "$PROFILER_LIB" ]] || return 0
    local options="start,event=itimer,interval=2ms"
    [[ $1 == stop ]] && options="stop,file=$WORK/$2.collapsed,collapsed"
    java "$HERE/lib/Attach.java" "$SERVER_PID" "$PROFILER_LIB" "$options" >/dev/null
    if [[ $1 == stop ]]; then
        "$HERE/lib/profile-summary.py" "$WORK/$2.collapsed" >"$WORK/$2.profile.txt"
        log "  profile: $WORK/$2.profile.txt (collapsed stacks: $WORK/$2.collapsed)"
    fi
}

# ------------------------------------------------------------------ build
build_jar() {
    if [[ -n "${BENCH_JAR:-}" ]]; then
        JAR=$BENCH_JAR
    else
        JAR=$ROOT/target/quarkus-app/quarkus-run.jar
        if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
            log "building the jar (./mvnw -B -q package -DskipTests)"
            (cd "$ROOT" && ./mvnw -B -q package -DskipTests)
        fi
    fi
    [[ -f "$JAR" ]] || die "no jar at $JAR"
}

# ------------------------------------------------------------------ PostgreSQL
PG_VERSION=
pg() { runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" -h /var/run/postgresql "$@"; }

start_postgres() {
    PG_VERSION=$(ls /usr/lib/postgresql | sort -V | tail -1)
    if ! pg_lsclusters -h | awk '{print $1"/"$2}' | grep -qx "$PG_VERSION/$PG_CLUSTER"; then
        log "creating PostgreSQL $PG_VERSION cluster $PG_CLUSTER on port $PG_PORT"
        pg_createcluster -p "$PG_PORT" "$PG_VERSION" "$PG_CLUSTER" >/dev/null
    fi
    local conf=/etc/postgresql/$PG_VERSION/$PG_CLUSTER/conf.d
    mkdir -p "$conf"
    # Sized for a 2-core machine shared with the server and the load generator. Durability is
    # left at its defaults (fsync, synchronous_commit on): issueInvoice pays for real commits.
    cat > "$conf/bench.conf" <<EOF
port = $PG_PORT
listen_addresses = '127.0.0.1'
max_connections = 200
shared_buffers = 1GB
effective_cache_size = 8GB
work_mem = 16MB
maintenance_work_mem = 1GB
max_wal_size = 8GB
checkpoint_timeout = 15min
random_page_cost = 1.1
jit = off
EOF
    chown -R postgres:postgres "$conf"
    pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" restart
    for _ in $(seq 60); do pg -c 'select 1' >/dev/null 2>&1 && break; sleep 1; done
    pg -tAc "select 1 from pg_roles where rolname = '$DB_USER'" | grep -q 1 \
        || pg -c "create role $DB_USER login password '$DB_PASSWORD'"
}

# ------------------------------------------------------------------ server
secrets() {
    SECRETS=$WORK/secrets
    mkdir -p "$SECRETS" && chmod 700 "$SECRETS"
    if [[ ! -f $SECRETS/private.pem ]]; then
        openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$SECRETS/private.pem" 2>/dev/null
        openssl pkey -in "$SECRETS/private.pem" -pubout -out "$SECRETS/public.pem"
        head -c 32 /dev/urandom | base64 > "$SECRETS/aes-k1"
    fi
    [[ -f $SECRETS/download-key ]] || head -c 32 /dev/urandom | base64 > "$SECRETS/download-key"
}

# start_server <database> <cache true|false> <log name>
start_server() {
    local db=$1 cache=$2 name=$3
    local -a jvm=(-Xmx"$HEAP")
    [[ -n "$JVM_OPTS" ]] && read -r -a extra <<<"$JVM_OPTS" && jvm+=("${extra[@]}")
    log "starting the server ($name: database $db, cache $cache, pool $POOL)"
    (cd "$WORK" && exec env \
        QUARKUS_PROFILE=prod \
        DATABASE_URL="postgresql://$DB_USER:$DB_PASSWORD@127.0.0.1:$PG_PORT/$db" \
        FAPIAO_EMBEDDED_POSTGRES_ENABLED=false \
        FAPIAO_JWT_SIGN_KEY_LOCATION="$SECRETS/private.pem" \
        FAPIAO_JWT_VERIFY_KEY_LOCATION="$SECRETS/public.pem" \
        FAPIAO_ENCRYPTION_ACTIVE_KEY=k1 \
        FAPIAO_ENCRYPTION_KEYS_K1="$(cat "$SECRETS/aes-k1")" \
        FAPIAO_DOWNLOADS_SIGNING_KEY="$(cat "$SECRETS/download-key")" \
        FAPIAO_RATE_LIMIT_ENABLED=false \
        FAPIAO_AUTH_ACCESS_TOKEN_TTL=PT3H \
        FAPIAO_VERIFICATION_DAILY_LIMIT=1000000000 \
        FAPIAO_LOG_JSON=false \
        QUARKUS_CACHE_ENABLED="$cache" \
        QUARKUS_HTTP_PORT="$HTTP_PORT" \
        QUARKUS_MANAGEMENT_PORT="$MANAGEMENT_PORT" \
        DB_POOL_MAX_SIZE="$POOL" \
        java "${jvm[@]}" -jar "$JAR" >"$WORK/server-$name.log" 2>&1) &
    SERVER_PID=$!
    for _ in $(seq 240); do
        if curl -fsS "http://127.0.0.1:$MANAGEMENT_PORT/q/health/ready" >/dev/null 2>&1; then
            return 0
        fi
        kill -0 "$SERVER_PID" 2>/dev/null || { tail -50 "$WORK/server-$name.log" >&2; die "the server did not start"; }
        sleep 0.5
    done
    tail -50 "$WORK/server-$name.log" >&2
    die "the server was not ready after 120 s"
}

stop_server() {
    if [[ -n "${SERVER_PID:-}" ]]; then
        kill "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 60); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
        SERVER_PID=
    fi
}

# ------------------------------------------------------------------ data
# ensure_data <rows>: the database fapiao_bench_<rows>, loaded unless it already holds that data set.
ensure_data() {
    local rows=$1 db=fapiao_bench_$1
    local have
    # The party details are encrypted with the bench's key: data sealed with another key is reloaded.
    local keyprint
    keyprint=$(sha256sum "$SECRETS/aes-k1" | cut -c1-16)
    have=$(pg -d "$db" -tAc "select rows || '/' || orgs || '/' || months || '/' || keyprint || '/' || bigshare from bench.meta" 2>/dev/null || true)
    if [[ "${BENCH_RELOAD:-0}" != 1 && "$have" == "$rows/$ORGS/$MONTHS/$keyprint/$BIG_SHARE" ]]; then
        log "database $db already holds $rows invoices (BENCH_RELOAD=1 reloads)"
        return
    fi
    log "creating database $db"
    pg -c "drop database if exists $db with (force)"
    pg -c "create database $db owner $DB_USER"
    start_server "$db" true "migrate-$rows"    # Flyway creates the schema
    stop_server
    local hash
    hash=$(htpasswd -nbBC 4 bench "$PASSWORD" | cut -d: -f2 | tr -d '\n')
    log "loading $rows invoices across $ORGS organisations and $MONTHS months"
    local t0=$SECONDS
    java -cp "$(dirname "$JAR")/app/*" "$HERE/lib/SealPartyDetails.java" "$SECRETS/aes-k1" "$ORGS" 1000 >"$WORK/party-details.tsv"
    pg -d "$db" -v rows="$rows" -v orgs="$ORGS" -v months="$MONTHS" -v issuers="$ISSUER_ORGS" -v bigshare="$BIG_SHARE" -v pwhash="$hash" -v keyprint="$keyprint" \
        -f "$HERE/sql/load.sql" <"$WORK/party-details.tsv" >"$WORK/load-$rows.log"
    LOAD_SECONDS[$rows]=$(( SECONDS - t0 ))
    log "loaded in ${LOAD_SECONDS[$rows]} s"
}
declare -A LOAD_SECONDS=()

# export_keys <rows>: random keys from the whole data set, and the organisations, for wrk.
export_keys() {
    local db=fapiao_bench_$1
    DATA=$WORK/data-$1
    mkdir -p "$DATA"
    pg -d "$db" -v nkeys="$NKEYS" -f "$HERE/sql/keys.sql" >/dev/null
    pg -d "$db" -c "grant usage on schema bench to $DB_USER; grant select on all tables in schema bench to $DB_USER"
    pg -d "$db" -c "copy (select number, org, issue_date, total from bench.keys order by i) to stdout" >"$DATA/keys.tsv"
    pg -d "$db" -c "copy (select id, uscc, name from organisation where id <= $ORGS order by id) to stdout" >"$DATA/orgs.tsv"
    pg -d "$db" -c "copy (select organisation_id, username from app_user where username like 'bench-r-%' order by organisation_id) to stdout" >"$DATA/readers.tsv"
    pg -d "$db" -c "copy (select organisation_id, username from app_user where username like 'bench-i-%' order by organisation_id) to stdout" >"$DATA/issuers.tsv"
}

# login_all <rows>: logs every bench user in through the API (tokens.tsv, issuer_tokens.tsv).
# BENCH_REUSE_TOKENS=1 keeps the tokens of an earlier login to the same database (they live 3 h and
# survive a restart of the server, whichever jar): logging 2,000 readers in takes minutes on a loaded machine.
login_all() {
    DATA=$WORK/data-$1
    if [[ "${BENCH_REUSE_TOKENS:-0}" == 1 && -s "$DATA/tokens.tsv" && -s "$DATA/issuer_tokens.tsv" ]]; then
        log "reusing the tokens of the last login (BENCH_REUSE_TOKENS=1)"
        return 0
    fi
    log "logging in $(wc -l <"$DATA/readers.tsv") readers and $(wc -l <"$DATA/issuers.tsv") issuers through the API"
    "$HERE/lib/login.sh" "http://127.0.0.1:$HTTP_PORT/graphql" "$PASSWORD" <"$DATA/readers.tsv" >"$DATA/tokens.tsv"
    "$HERE/lib/login.sh" "http://127.0.0.1:$HTTP_PORT/graphql" "$PASSWORD" <"$DATA/issuers.tsv" >"$DATA/issuer_tokens.tsv"
    [[ $(wc -l <"$DATA/tokens.tsv") -eq $(wc -l <"$DATA/readers.tsv") ]] || die "some logins failed (see $DATA/tokens.tsv)"
}

# ------------------------------------------------------------------ measuring
TABLE=$WORK/table.tsv
: >"$TABLE"
: >"$WORK/subscriptions.tsv"

reset_peak_rss() { [[ -w /proc/$SERVER_PID/clear_refs ]] && echo 5 >"/proc/$SERVER_PID/clear_refs" 2>/dev/null || true; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVER_PID/stat" 2>/dev/null || echo 0; }
peak_rss_mib() { awk '/VmHWM/ {printf "%d", $2 / 1024}' "/proc/$SERVER_PID/status" 2>/dev/null || echo "?"; }

# wrk_run <scenario> <connections> <threads> <duration> -> prints the BENCH_RESULT line
wrk_run() {
    local scenario=$1 c=$2 t=$3 d=$4 lua=${5:-$scenario}
    BENCH_SCENARIO=$lua BENCH_DATA=$DATA BENCH_DATA_ROWS=${DATA##*data-} wrk -c "$c" -t "$t" -d "$d" --timeout 10s \
        -s "$HERE/lua/graphql.lua" "http://127.0.0.1:$HTTP_PORT" >"$WORK/wrk-$scenario-c$c.out" 2>&1 || true
    grep '^BENCH_ERROR_SAMPLE' "$WORK/wrk-$scenario-c$c.out" | head -1 | cut -c1-300 >&2 || true
    grep '^BENCH_RESULT' "$WORK/wrk-$scenario-c$c.out" || die "wrk failed: $(tail -5 "$WORK/wrk-$scenario-c$c.out")"
}

field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$2"; }

# scenario <label> <lua scenario> <rows>
scenario() {
    local label=$1 lua=$2 rows=$3
    log "scenario $label ($rows rows): warm-up $WARMUP, then c=$CONNECTIONS for $DURATION and c=1 for $LATENCY_DURATION"
    [[ "${BENCH_JFR:-0}" == 1 ]] && jcmd "$SERVER_PID" JFR.start name="$label" settings=profile filename="$WORK/$label.jfr" >/dev/null
    wrk_run "$label-warmup" "$CONNECTIONS" "$THREADS" "$WARMUP" "$lua" >/dev/null
    reset_peak_rss
    local r32 r1 rss t0 cpu
    profiler start "$label-$rows"
    t0=$(cpu_ticks)
    r32=$(wrk_run "$label" "$CONNECTIONS" "$THREADS" "$DURATION" "$lua")
    profiler stop "$label-$rows"
    rss=$(peak_rss_mib)
    # Server CPU time per request (ms): robust against other load on the machine.
    cpu=$(awk -v t="$(( $(cpu_ticks) - t0 ))" -v hz="$(getconf CLK_TCK)" -v n="$(field requests "$r32")" 'BEGIN { if (n > 0) printf "%.2f", 1000 * t / hz / n; else print "?" }')
    r1=$(wrk_run "$label" 1 1 "$LATENCY_DURATION" "$lua")
    [[ "${BENCH_JFR:-0}" == 1 ]] && jcmd "$SERVER_PID" JFR.stop name="$label" >/dev/null
    for c in "$CONNECTIONS" 1; do
        local r=$r32; [[ $c == 1 ]] && r=$r1
        local cpu_c=$cpu; [[ $c == 1 ]] && cpu_c=""
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$rows" "$c" "$(field rps "$r")" "$(field p50_ms "$r")" \
            "$(field p99_ms "$r")" "$(field errors "$r")" "$(field requests "$r")" "$rss" "$cpu_c" >>"$TABLE"
    done
    log "  c=$CONNECTIONS: $(cut -d' ' -f2- <<<"$r32") rss=${rss}MiB server_cpu_ms_per_request=$cpu"
    log "  c=1: $(cut -d' ' -f2- <<<"$r1")"
}

# register_export <rows>: the streamed invoice register of one organisation with REGISTER_LINES
# lines (bench/sql/register_org.sql), as CSV and XLSX, three downloads each through a link of the
# API; lines/s of the best, time to the first byte, the server's peak RSS. Then the same rows
# through psql's COPY (the plain SQL). Rows of the table: rps = lines/s, p50 = ms to the first byte,
# p99 = ms for the whole file, requests = lines, connections = 1.
register_export() {
    local rows=$1 db=fapiao_bench_$1
    local hash
    hash=$(htpasswd -nbBC 4 bench "$PASSWORD" | cut -d: -f2 | tr -d '\n')
    log "registerExport: an organisation with $REGISTER_LINES lines"
    pg -d "$db" -v lines="$REGISTER_LINES" -v pwhash="$hash" -f "$HERE/sql/register_org.sql" >"$WORK/register-org.log"
    local token
    token=$(printf 'x\tbench-register\n' | "$HERE/lib/login.sh" "http://127.0.0.1:$HTTP_PORT/graphql" "$PASSWORD" | cut -f2)
    [[ -n "$token" ]] || die "login of bench-register failed"
    local format
    for format in CSV XLSX; do
        reset_peak_rss
        local best="" first="" total="" bytes=""
        for _ in 1 2 3; do
            local body path timing
            body=$(curl -sS -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "http://127.0.0.1:$HTTP_PORT/graphql" -d \
                "{\"query\":\"mutation { createDownloadLink(input: {kind: INVOICE_REGISTER, format: $format, from: \\\"2025-01-01\\\", to: \\\"2025-12-31\\\"}) { path } }\"}")
            path=$(sed -n 's/.*"path":"\([^"]*\)".*/\1/p' <<<"$body")
            [[ -n "$path" ]] || die "createDownloadLink failed: ${body:0:300}"
            timing=$(curl -sS -o "$WORK/register.$format" -w '%{time_starttransfer} %{time_total} %{size_download} %{http_code}' "http://127.0.0.1:$HTTP_PORT$path")
            [[ "${timing##* }" == 200 ]] || die "register download answered ${timing##* }"
            if [[ -z "$best" ]] || awk -v a="$(cut -d' ' -f2 <<<"$timing")" -v b="$total" 'BEGIN { exit !(a < b) }'; then
                best=$timing; first=$(cut -d' ' -f1 <<<"$timing"); total=$(cut -d' ' -f2 <<<"$timing"); bytes=$(cut -d' ' -f3 <<<"$timing")
            fi
        done
        local rss lps
        rss=$(peak_rss_mib)
        lps=$(awk -v n="$REGISTER_LINES" -v t="$total" 'BEGIN { printf "%.0f", n / t }')
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "registerExport$format" "$rows" 1 "$lps" \
            "$(awk -v t="$first" 'BEGIN { printf "%.1f", t * 1000 }')" "$(awk -v t="$total" 'BEGIN { printf "%.1f", t * 1000 }')" 0 \
            "$REGISTER_LINES" "$rss" "" >>"$TABLE"
        log "  register $format: $lps lines/s, first byte ${first}s, whole ${total}s, $bytes bytes, peak rss ${rss}MiB"
    done
    # The plain SQL: the register's statement (from the server's log of it would be private; it is the
    # same join and order) through COPY, so PostgreSQL's own time to produce the rows is known.
    local t0 t1
    t0=$(date +%s.%N)
    pg -d "$db" -c "copy (select i.invoice_code, i.invoice_number, i.type_code, i.issue_date, i.status, i.direction, i.seller_tax_id, i.seller_name,
        i.buyer_tax_id, i.buyer_name, l.line_no, l.item_name, l.specification, l.unit, l.quantity, l.unit_price, l.amount, l.tax_rate, l.tax, i.remark
        from invoice i left join invoice_line l on l.invoice_id = i.id
        where i.seller_org_id = (select id from organisation where uscc = '91110000MA0BENCHR0') and i.issue_date between '2025-01-01' and '2025-12-31'
        order by i.issue_date, i.id, l.line_no) to stdout with csv" >/dev/null
    t1=$(date +%s.%N)
    local sql_lps
    sql_lps=$(awk -v n="$REGISTER_LINES" -v a="$t0" -v b="$t1" 'BEGIN { printf "%.0f", n / (b - a) }')
    printf '%s\t%s\t%s\t%s\t%s\n' "register rows through COPY (the plain SQL; tps = lines/s)" "$rows" "$sql_lps" \
        "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", (b - a) * 1000 }')" 0 >>"$PGBENCH_OUT"
    log "  plain SQL (COPY): $sql_lps lines/s"
}

PGBENCH_OUT=$WORK/pgbench.tsv
: >"$PGBENCH_OUT"
pgbench_run() {
    local rows=$1 file=$2 label=$3
    local out
    out=$(PGPASSWORD=$DB_PASSWORD "/usr/lib/postgresql/$PG_VERSION/bin/pgbench" -n -M prepared -h 127.0.0.1 -p "$PG_PORT" -U "$DB_USER" \
        -c "$CONNECTIONS" -j "$THREADS" -T "$(secs "$DURATION")" -D nkeys="$NKEYS" -f "$([[ $file == /* ]] && echo "$file" || echo "$HERE/sql/$file")" "fapiao_bench_$rows" 2>&1) \
        || die "pgbench failed: $out"
    local tps lat failed
    tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' <<<"$out" | tail -1)
    lat=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' <<<"$out")
    failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' <<<"$out"); failed=${failed:-0}
    printf '%s\t%s\t%s\t%s\t%s\n' "$label" "$rows" "$tps" "$lat" "$failed" >>"$PGBENCH_OUT"
    log "pgbench $label: tps=$tps latency avg=${lat}ms failed=$failed"
}

# pgbench_latency <rows> <script> <label>: one client for LATENCY_DURATION, p50/p99 from the
# per-transaction log, to set against the server's c=1 run of the same report.
PGBENCH_LATENCY_OUT=$WORK/pgbench-latency.tsv
: >"$PGBENCH_LATENCY_OUT"
pgbench_latency() {
    local rows=$1 script=$2 label=$3
    local prefix=$WORK/pgbench-log-$label
    rm -f "$prefix".*
    (cd "$WORK" && PGPASSWORD=$DB_PASSWORD "/usr/lib/postgresql/$PG_VERSION/bin/pgbench" -n -M prepared -h 127.0.0.1 -p "$PG_PORT" \
        -U "$DB_USER" -c 1 -j 1 -T "$(secs "$LATENCY_DURATION")" -l --log-prefix="$prefix" -f "$script" "fapiao_bench_$rows" >/dev/null 2>&1) \
        || die "pgbench failed on $script"
    cat "$prefix".* | awk '{print $3 / 1000}' | sort -n | awk -v label="$label" -v rows="$rows" -v secs="$(secs "$LATENCY_DURATION")" '
        { v[NR] = $1 } END { if (NR == 0) exit 1; printf "%s\t%s\t%.1f\t%.2f\t%.2f\n", label, rows, NR / secs, v[int(NR * 0.5) + 1], v[int(NR * 0.99) + 1] }' \
        >>"$PGBENCH_LATENCY_OUT"
    log "pgbench c=1 $label: $(tail -1 "$PGBENCH_LATENCY_OUT" | cut -f3-)"
}

# The reports' statements as the server runs them, printed from its own classes for pgbench.
report_pgbench() {
    local rows=$1 report
    for report in statisticsMonth statisticsYear vatSummary; do
        has "$report" || has "${report}NoCache" || continue
        java -cp "$(dirname "$JAR")/app/*:$(dirname "$JAR")/lib/main/*" "$HERE/lib/ReportStatements.java" "$report" >"$WORK/pgbench_$report.sql"
        pgbench_run "$rows" "$WORK/pgbench_$report.sql" "$report (the server's statements)"
        pgbench_latency "$rows" "$WORK/pgbench_$report.sql" "$report"
    done
}

# subscriptions <rows>: SUBSCRIBERS graphql-ws clients (Node.js) subscribed to all status changes of
# their organisation (SUB_ORGS organisations) while pgbench, another process, commits SUB_RATE
# status changes per second on those organisations' invoices for DURATION. Reports the latency
# from commit to receipt, events lost (or received twice) against the outbox, and the server's RSS.
subscriptions_run() {
    local rows=$1 db=fapiao_bench_$1 out=$WORK/subscribers.out
    (cd "$HERE/js" && npm ci --no-audit --no-fund --prefer-offline >/dev/null 2>&1) || die "npm ci in bench/js failed"
    sort -n -k1,1 "$DATA/tokens.tsv" >"$DATA/tokens-by-org.tsv"
    log "subscriptions: $SUBSCRIBERS subscribers on $SUB_ORGS organisations, $SUB_RATE changes/s for $SUB_WARMUP + $DURATION"
    reset_peak_rss
    local p0
    p0=$(pg -d "$db" -tAc "select coalesce(max(position), 0) from event_outbox")
    node "$HERE/js/subscribers.mjs" "ws://127.0.0.1:$HTTP_PORT/graphql" "$DATA/tokens-by-org.tsv" "$SUBSCRIBERS" "$SUB_ORGS" \
        "$(secs "$DURATION")" "$(secs "$SUB_WARMUP")" "$p0" >"$out" 2>&1 &
    local node_pid=$!
    for _ in $(seq 2400); do   # the client gives up after 120 s of connecting; wait longer than it
        grep -q '^ready' "$out" && break
        kill -0 "$node_pid" 2>/dev/null || die "the subscribers failed: $(tail -5 "$out")"
        sleep 0.1
    done
    grep -q '^ready' "$out" || die "the subscribers did not connect: $(tail -5 "$out")"
    local p1
    PGPASSWORD=$DB_PASSWORD "/usr/lib/postgresql/$PG_VERSION/bin/pgbench" -n -M prepared -h 127.0.0.1 -p "$PG_PORT" -U "$DB_USER" \
        -c 2 -j 1 -R "$SUB_RATE" -T "$(( $(secs "$DURATION") + $(secs "$SUB_WARMUP") ))" -D orgs="$SUB_ORGS" -f "$HERE/sql/pgbench_status_change.sql" "$db" \
        >"$WORK/pgbench-status-change.out" 2>&1 || die "pgbench (status changes) failed: $(tail -5 "$WORK/pgbench-status-change.out")"
    wait "$node_pid" || die "the subscribers failed: $(tail -5 "$out")"
    p1=$(pg -d "$db" -tAc "select coalesce(max(position), 0) from event_outbox")
    pg -d "$db" -tAc "select o, count(*) from (select distinct position, o from event_outbox, unnest(organisation_ids) o
                      where position > $p0 and position <= $p1 and kind = 'invoice.status') e group by o" >"$WORK/expected-events.txt"
    local summary
    summary=$(python3 - "$out" "$WORK/expected-events.txt" <<'PY'
import json, sys
result = json.loads([l for l in open(sys.argv[1]) if l.startswith('{')][-1])
expected = {int(o): int(n) for o, n in (l.strip().split('|') for l in open(sys.argv[2]) if '|' in l)}
lost = twice = 0
for org, counts in result['perOrg'].items():
    for got in counts:
        lost += max(0, expected.get(int(org), 0) - got)
        twice += max(0, got - expected.get(int(org), 0))
print(result['connected'], result['received'], result['p50'], result['p99'], result['max'], lost, twice, result['errors'],
      sum(expected.values()))
PY
)
    read -r connected received p50 p99 max lost twice errors events <<<"$summary"
    local rss; rss=$(peak_rss_mib)
    log "subscriptions: $connected connected, $events events fanned out as $received deliveries, commit-to-receipt p50=${p50}ms p99=${p99}ms max=${max}ms, lost=$lost duplicated=$twice errors=$errors, peak RSS ${rss} MiB"
    printf 'subscriptions\t%s\t%s subscribers, %s orgs, %s changes/s\tp50 %s ms\tp99 %s ms\tlost %s, duplicated %s\tpeak RSS %s MiB\n' \
        "$rows" "$connected" "$SUB_ORGS" "$SUB_RATE" "$p50" "$p99" "$lost" "$twice" "$rss" >>"$WORK/subscriptions.tsv"
}

gap_check() {
    local rows=$1
    GAP=$(pg -d "fapiao_bench_$rows" -f "$HERE/sql/gap_check.sql" -P pager=off)
    echo "$GAP" >"$WORK/gap-check.txt"
    if grep -q '| f *$' <<<"$GAP"; then GAP_OK="NO (gaps, see $WORK/gap-check.txt)"; else GAP_OK=yes; fi
    log "gap-free numbering after the run: $GAP_OK"
}

# The statistics as the server computed them before the running totals (V57), over the invoices and
# their lines: what the totals replaced, measured in the same run (pgbench only).
report_pgbench_over_invoices() {
    local rows=$1 report
    for report in statisticsMonthInvoices statisticsYearInvoices; do
        has "${report%Invoices}NoCache" || has "${report%Invoices}" || continue
        java -cp "$(dirname "$JAR")/app/*:$(dirname "$JAR")/lib/main/*" "$HERE/lib/ReportStatements.java" "$report" >"$WORK/pgbench_$report.sql"
        pgbench_run "$rows" "$WORK/pgbench_$report.sql" "$report (over the invoices, before V57)"
        pgbench_latency "$rows" "$WORK/pgbench_$report.sql" "$report"
    done
}

# persisted_hashes: the SHA-256 of every query document of graphql.lua (its Q_* lines) into persisted.tsv,
# for the *Persisted scenarios (the Lua script sends a document with its hash once per thread, as an
# Apollo client does, and the hash alone from then on).
persisted_hashes() {
    local name query
    : >"$DATA/persisted.tsv"
    while IFS=$'\t' read -r name query; do
        [[ "$query" == query* ]] || continue   # mutations never go by GET
        printf '%s\t%s\n' "$query" "$(printf '%s' "$query" | sha256sum | cut -d' ' -f1)" >>"$DATA/persisted.tsv"
    done < <(sed -n 's/^local \(Q_[A-Z_]*\) = "\(.*\)"$/\1\t\2/p' "$HERE/lua/graphql.lua")
}

# ------------------------------------------------------------------ run
has() { [[ " $SCENARIOS " == *" $1 "* ]]; }
GAP_OK="not checked"

install_tools
fetch_profiler
build_jar
secrets
start_postgres
LOAD_AVG_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
ensure_data "$ROWS"
[[ "$FLAT_ROWS" != 0 && "$FLAT_ROWS" != "$ROWS" ]] && has invoices && ensure_data "$FLAT_ROWS"
export_keys "$ROWS"

NOCACHE=""
for s in byNumberNoCache statisticsMonthNoCache statisticsYearNoCache vatSummaryNoCache; do has "$s" && NOCACHE+=" $s"; done
if [[ -n "$NOCACHE" ]]; then
    start_server "fapiao_bench_$ROWS" false nocache
    login_all "$ROWS"
    for s in $NOCACHE; do scenario "$s" "${s%NoCache}" "$ROWS"; done
    stop_server
fi
pgbench_run "$ROWS" pgbench_lookup.sql "invoice with lines and history (the server's statement)"
pgbench_run "$ROWS" pgbench_lookup_single.sql "invoice row only (floor)"
report_pgbench "$ROWS"
report_pgbench_over_invoices "$ROWS"

REST=""
for s in byNumber byNumberHot invoices invoicesWithLines verify diagnose issue mix statisticsMonth statisticsYear vatSummary byNumberPersisted invoicesPersisted; do has "$s" && REST+=" $s"; done
if [[ -n "$REST" ]]; then
    start_server "fapiao_bench_$ROWS" true main
    login_all "$ROWS"
    [[ "$REST" == *Persisted* ]] && persisted_hashes
    for s in $REST; do scenario "$s" "$s" "$ROWS"; done
    stop_server
    if has issue || has mix; then gap_check "$ROWS"; fi
fi

if has subscriptions; then
    start_server "fapiao_bench_$ROWS" true subscriptions
    login_all "$ROWS"
    subscriptions_run "$ROWS"
    stop_server
fi

if has registerExport; then
    start_server "fapiao_bench_$ROWS" true register
    register_export "$ROWS"
    stop_server
fi

if [[ "$FLAT_ROWS" != 0 && "$FLAT_ROWS" != "$ROWS" ]] && has invoices; then
    export_keys "$FLAT_ROWS"
    start_server "fapiao_bench_$FLAT_ROWS" true flat
    login_all "$FLAT_ROWS"
    scenario invoices invoices "$FLAT_ROWS"
    stop_server
fi
# ------------------------------------------------------------------ the feedback desk (issue #17)
TICKETS=${BENCH_TICKETS:-100000}              # tickets for ticketList and submitFeedback ...
TICKETS_FLAT=${BENCH_TICKETS_FLAT:-10000}     # ... and the smaller set they must be as fast at
OPEN_TICKETS=${BENCH_OPEN_TICKETS:-500}       # the newest this many are open: the agents' queue
AGENTS=${BENCH_AGENTS:-20}
DESK_USCC=91110000802100433B
# desk_load <rows> <tickets>: replaces the tickets of fapiao_bench_<rows> with <tickets> ones
# (bench/sql/tickets.sql) and records the queue's plan on them.
desk_load() {
    local rows=$1 tickets=$2 db=fapiao_bench_$1
    local hash
    hash=$(htpasswd -nbBC 4 bench "$PASSWORD" | cut -d: -f2 | tr -d '\n')
    log "feedback desk: $tickets tickets ($OPEN_TICKETS open) in $db"
    pg -d "$db" -v tickets="$tickets" -v open="$OPEN_TICKETS" -v months="$MONTHS" -v orgs="$ORGS" -v agents="$AGENTS" -v pwhash="$hash" \
        -f "$HERE/sql/tickets.sql" >"$WORK/tickets-$tickets.log"
    pg -d "$db" -f "$HERE/sql/ticket_list_explain.sql" >"$WORK/desk-plan-$tickets.txt"
}
# desk_measure <tickets>: the agents' queue (ticketList), the invoice list in the same server
# (invoicesBesideTickets, the invoices scenario) and anonymous submissions (submitFeedback, last:
# it adds tickets).
desk_measure() {
    local tickets=$1
    if has ticketList; then
        # Both lists are warm before either is measured: the first one measured must not pay the JIT for both.
        wrk_run desk-warmup-tickets "$CONNECTIONS" "$THREADS" "$WARMUP" ticketList >/dev/null
        wrk_run desk-warmup-invoices "$CONNECTIONS" "$THREADS" "$WARMUP" invoices >/dev/null
        scenario ticketList ticketList "$tickets"
        scenario invoicesBesideTickets invoices "$tickets"
    fi
    has submitFeedback && scenario submitFeedback submitFeedback "$tickets"
}
# desk_run <rows> <tickets>: the tickets loaded, then a server that knows the desk measures them.
desk_run() {
    local rows=$1 tickets=$2 db=fapiao_bench_$1
    DATA=$WORK/data-$rows
    desk_load "$rows" "$tickets"
    pg -d "$db" -c "copy (select organisation_id, username from app_user where username like 'bench-agent-%' order by id) to stdout" >"$DATA/agents.tsv"
    # The desk's organisation, and no anonymous rate limit: the bench's FAPIAO_RATE_LIMIT_ENABLED=false
    # (start_server) already switches every limit off; the feedback budget is named as well, so the
    # scenario stays unlimited if the limiter is ever switched on for the other scenarios.
    export FAPIAO_SUPPORT_DESK_ORGANISATION=$DESK_USCC FAPIAO_SUPPORT_TEAM_LEAD=bench-agent-1 FAPIAO_RATE_LIMIT_FEEDBACK_PER_ADDRESS=1000000000
    start_server "$db" true "desk-$tickets"
    unset FAPIAO_SUPPORT_DESK_ORGANISATION FAPIAO_SUPPORT_TEAM_LEAD FAPIAO_RATE_LIMIT_FEEDBACK_PER_ADDRESS
    login_all "$rows"
    "$HERE/lib/login.sh" "http://127.0.0.1:$HTTP_PORT/graphql" "$PASSWORD" <"$DATA/agents.tsv" >"$DATA/agent_tokens.tsv"
    [[ $(wc -l <"$DATA/agent_tokens.tsv") -eq $(wc -l <"$DATA/agents.tsv") ]] || die "the desk's agents could not log in"
    desk_measure "$tickets"
    stop_server
}
if has ticketList || has submitFeedback; then
    for tickets in $TICKETS_FLAT $TICKETS; do desk_run "$ROWS" "$tickets"; done
fi

LOAD_AVG_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# ------------------------------------------------------------------ report
env ROWS="$ROWS" ORGS="$ORGS" MONTHS="$MONTHS" DURATION="$DURATION" LATENCY_DURATION="$LATENCY_DURATION" \
    CONNECTIONS="$CONNECTIONS" THREADS="$THREADS" POOL="$POOL" HEAP="$HEAP" JVM_OPTS="$JVM_OPTS" NKEYS="$NKEYS" GAP_OK="$GAP_OK" \
    PG_VERSION="$PG_VERSION" ROOT="$ROOT" LOAD_AVG_BEFORE="$LOAD_AVG_BEFORE" LOAD_AVG_AFTER="$LOAD_AVG_AFTER" \
    LOAD_SECONDS="${LOAD_SECONDS[$ROWS]:-reused}" FLAT_ROWS="$FLAT_ROWS" \
    "$HERE/lib/report.sh" "$TABLE" "$PGBENCH_OUT" "$PGBENCH_LATENCY_OUT" >"$WORK/report.md"
if [[ -s "$WORK/subscriptions.tsv" ]]; then
    { echo; echo "Live subscriptions (scenario subscriptions: graphql-ws clients, status changes committed by pgbench):"; echo
      echo "| scenario | rows | load | commit to receipt p50 | p99 | events lost | server |"; echo "|---|---|---|---|---|---|---|"
      sed 's/\t/ | /g; s/^/| /; s/$/ |/' "$WORK/subscriptions.tsv"; } >>"$WORK/report.md"
fi
if has ticketList || has submitFeedback; then
    "$HERE/lib/desk-report.sh" "$TABLE" "$TICKETS_FLAT" "$TICKETS" "$WORK" >>"$WORK/report.md"
fi
cat "$WORK/report.md"
"$HERE/lib/update-results.sh" "$RESULTS" "$WORK/report.md"
log "results written to $RESULTS (raw output in $WORK)"
