#!/usr/bin/env bash
# The thundering herd after a release, on the local stand-in (deploy/local: three replicas behind nginx, started
# at once on an empty database, so that they also migrate it concurrently): 9,200 attendees with 10 bookmarks
# each on the large event moved to tomorrow in release mode manual; a release moves 20 sessions; then every
# attendee refreshes at their own second of the notifications' refreshWithin spread (hallway.notify.refresh-spread,
# 120 s), open-model (bench/herd/Herd.java): the live document, the schedule revalidated with the ETag held from
# before the release, one delta from the cursor held, and their agenda. Then the same herd on one replica (the
# other two stopped), the reference of the same run. Prints requests/s, p50/p99 per request kind, errors, and each
# replica's CPU and RSS. Usage: ./mvnw package -DskipTests && bench/herd.sh
# Tunables: HERD_ATTENDEES (9200), HERD_WINDOW (seconds the spread is squeezed into, 120), HERD_WARMUP and
# HERD_WARMUP_WINDOW (a warm-up herd before the measured ones, as pods that have run for hours have compiled what
# it runs: all attendees over 60 s), HERD_SLOW_MS (statements PostgreSQL logs, 100).
export LOCAL_DB=${LOCAL_DB:-hallway_herd} LOCAL_PORT=${LOCAL_PORT:-18380}
export LOCAL_RUN=${LOCAL_RUN:-$(cd "$(dirname "$0")" && pwd)/out/herd/run}
source "$(dirname "$0")/../deploy/local/stand-in.sh"
bench_require java curl psql jq bc nginx
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

ATTENDEES=${HERD_ATTENDEES:-9200}
WINDOW=${HERD_WINDOW:-120}
SPREAD=120
WARMUP=${HERD_WARMUP:-$ATTENDEES}
WARMUP_WINDOW=${HERD_WARMUP_WINDOW:-60}
SESSIONS=20
OUT="$BENCH_OUT/herd"
ADMIN="$LOCAL_URL/api/admin/events/bench-large"
EVENT="$LOCAL_URL/api/events/bench-large"
mkdir -p "$OUT"
for n in $(seq 1 "$LOCAL_REPLICAS"); do
    if local_alive "$n"; then echo "the herd's stand-in runs already (replica $n): LOCAL_RUN=$LOCAL_RUN deploy/local/down.sh" >&2; exit 1; fi
done
sql() { psql -d "$LOCAL_DB" -tAc "$1"; }

bench_pg_start
bench_db_create "$LOCAL_DB"
psql -d "$LOCAL_DB" -qc "alter database $LOCAL_DB set log_min_duration_statement = ${HERD_SLOW_MS:-100}"
trap '"$PROJECT_ROOT/deploy/local/down.sh" > /dev/null' EXIT
"$PROJECT_ROOT/deploy/local/up.sh" | tee "$OUT/up.txt"
MIGRATIONS=$(sql "select count(*) || ' migrations, each applied ' ||
                      case when count(*) = count(distinct version) then 'once' else 'MORE THAN ONCE' end
                  from flyway_schema_history where success and version is not null")

bench_large_event_tomorrow "$LOCAL_DB"
MOVED=$(bench_last_sessions "$LOCAL_DB" "$SESSIONS")
psql -d "$LOCAL_DB" -q -v attendees="$ATTENDEES" -f "$BENCH_ROOT/herd/load.sql"
if [ ! -f "$OUT/tokens.txt" ] || [ "$(wc -l < "$OUT/tokens.txt")" != "$ATTENDEES" ] \
        || [ -n "$(find "$OUT/tokens.txt" -mmin +600)" ]; then
    echo "minting $ATTENDEES attendee tokens ..."
    bench_mint attendee herd "$ATTENDEES" "$OUT/tokens.txt"
fi
# One "token user-id" a line: Herd.java gives each attendee the refreshWithin second of their user id.
paste -d' ' "$OUT/tokens.txt" <(sql "select id from app_user where subject like 'herd%' order by substr(subject, 5)::int") \
    > "$OUT/attendees.txt"
bench_mint admin operator 1 "$OUT/operator.txt"
OPERATOR=$(head -1 "$OUT/operator.txt")
bench_draft_moves "$LOCAL_DB" "$ADMIN" "$OPERATOR" "$MOVED" "$OUT"
FOLLOWING=$(sql "select count(distinct user_id) from bookmark where session_id in ($MOVED)")

# What each app holds from before the release.
etag() { curl -fsS -D - -o /dev/null "$1" | awk 'tolower($1) == "etag:" {print $2}' | tr -d '\r'; }
SCHEDULE_ETAG=$(etag "$EVENT/schedule")
LIVE_ETAG=$(etag "$EVENT/live")
CURSOR=$(curl -fsS "$EVENT/schedule" | jq -r .cursor)

read -r RELEASE_STATUS RELEASE_SECONDS < <(curl -sS -o "$OUT/release.json" -w '%{http_code} %{time_total}\n' \
    -X POST -H "Authorization: Bearer $OPERATOR" -H 'Content-Type: application/json' \
    -d '{"name": "v2", "comment": "Twenty sessions move 15 minutes later."}' "$ADMIN/releases")
[ "$RELEASE_STATUS" = 201 ] || { echo "the release answered $RELEASE_STATUS: $(cat "$OUT/release.json")" >&2; exit 1; }
[ "$(jq .sessions.moved "$OUT/release.json")" = "$SESSIONS" ] || { echo "the release did not move $SESSIONS sessions" >&2; exit 1; }
sleep 2 # past hallway.schedule.version-check-interval: every replica serves the release
[ "$(etag "$EVENT/schedule")" != "$SCHEDULE_ETAG" ] || { echo "the schedule's ETag did not change" >&2; exit 1; }

herd() { # LABEL [LIMIT WINDOW]: the herd through nginx, its figures in $OUT/LABEL.txt
    java "$BENCH_ROOT/herd/Herd.java" "$LOCAL_URL" bench-large "$OUT/attendees.txt" "$SCHEDULE_ETAG" "$LIVE_ETAG" \
        "$CURSOR" "${3:-$WINDOW}" "$SPREAD" "${2:-$ATTENDEES}" > "$OUT/$1.txt"
}
figure() { awk -v kind="$2" -v name="$3" '$1 == "kind" && $2 == kind {for (i = 3; i < NF; i += 2) if ($i == name) print $(i + 1)}' "$OUT/$1.txt"; }
rate() { awk '$1 == "rate" {print $2}' "$OUT/$1.txt"; }
seconds() { echo "$1" | bc -l | xargs printf '%.1f'; }
replica_pids() { for n in "$@"; do local_pid "$n"; done; }

echo "warm-up: $WARMUP attendees over $WARMUP_WINDOW s (the JIT compiles what the herd runs) ..."
herd warmup "$WARMUP" "$WARMUP_WINDOW"
PG_LOG=$(bench_pg_log "$LOCAL_DB")
LOG_BEFORE=$(wc -l < "$PG_LOG")

echo "the herd on $LOCAL_REPLICAS replicas: $ATTENDEES attendees over $WINDOW s ..."
declare -A CPU_BEFORE
for n in $(seq 1 "$LOCAL_REPLICAS"); do CPU_BEFORE[$n]=$(bench_cpu_ms "$(local_pid "$n")"); done
# shellcheck disable=SC2046 # one argument per process
PG_BEFORE=$(bench_cpu_ms $(bench_pg_pids))
BUSY_BEFORE=$(bench_machine_busy_ms)
STARTED=$(date +%s.%N)
herd three
ELAPSED=$(echo "$(date +%s.%N) - $STARTED" | bc -l)
BUSY3=$(echo "($(bench_machine_busy_ms) - $BUSY_BEFORE) / 10 / $ELAPSED / $(nproc)" | bc -l | xargs printf '%.0f')
# shellcheck disable=SC2046
PG3=$(($(bench_cpu_ms $(bench_pg_pids)) - PG_BEFORE))
declare -A CPU3 RSS3
for n in $(seq 1 "$LOCAL_REPLICAS"); do
    CPU3[$n]=$(($(bench_cpu_ms "$(local_pid "$n")") - CPU_BEFORE[$n]))
    RSS3[$n]=$(bench_rss "$(local_pid "$n")")
done
LOG_THREE=$(wc -l < "$PG_LOG")

echo "the same herd on one replica (the others stopped) ..."
for n in $(seq 2 "$LOCAL_REPLICAS"); do local_replica_stop "$n" > /dev/null; done
CPU1_BEFORE=$(bench_cpu_ms "$(local_pid 1)")
# shellcheck disable=SC2046
PG_BEFORE=$(bench_cpu_ms $(bench_pg_pids))
BUSY_BEFORE=$(bench_machine_busy_ms)
STARTED=$(date +%s.%N)
herd one
ELAPSED=$(echo "$(date +%s.%N) - $STARTED" | bc -l)
BUSY1=$(echo "($(bench_machine_busy_ms) - $BUSY_BEFORE) / 10 / $ELAPSED / $(nproc)" | bc -l | xargs printf '%.0f')
# shellcheck disable=SC2046
PG1=$(($(bench_cpu_ms $(bench_pg_pids)) - PG_BEFORE))
CPU1=$(($(bench_cpu_ms "$(local_pid 1)") - CPU1_BEFORE))
RSS1=$(bench_rss "$(local_pid 1)")
# Statements of HERD_SLOW_MS and more during the two herds, summed by their first words, the costliest first.
sed -n "$((LOG_BEFORE + 1)),\$p" "$PG_LOG" | { grep "@$LOCAL_DB LOG:  duration:" || true; } \
    | sed -E 's/.*duration: ([0-9.]+) ms  (statement|(parse|bind|execute) [^:]*): *(.{0,70}).*/\1\t\4/' \
    | awk -F'\t' '{ms[$2] += $1; n[$2]++} END {for (k in ms) printf "%8.0f ms %5d x  %s\n", ms[k], n[k], k}' \
    | sort -rn > "$OUT/slow-statements.txt"

{
    echo "herd after a release moving $SESSIONS sessions ($FOLLOWING of $ATTENDEES attendees follow one; release request"
    echo "$(seconds "$RELEASE_SECONDS") s): $ATTENDEES attendees x 4 requests, arrivals over $WINDOW s; $(nproc) cores,"
    echo "load average before: $LOAD_BEFORE; the stand-in started at once on an empty database: $MIGRATIONS"
    printf '%-10s | %-40s | %-40s\n' "" "$LOCAL_REPLICAS replicas behind nginx" "1 replica behind nginx (reference)"
    printf '%-10s | %8s %6s %8s %8s %7s | %8s %6s %8s %8s %7s\n' kind requests errors "p50 ms" "p99 ms" "max ms" \
        requests errors "p50 ms" "p99 ms" "max ms"
    for kind in live schedule delta agenda all; do
        printf '%-10s | %8s %6s %8s %8s %7s | %8s %6s %8s %8s %7s\n' "$kind" \
            "$(figure three $kind requests)" "$(figure three $kind errors)" "$(figure three $kind p50)" \
            "$(figure three $kind p99)" "$(figure three $kind max)" \
            "$(figure one $kind requests)" "$(figure one $kind errors)" "$(figure one $kind p50)" \
            "$(figure one $kind p99)" "$(figure one $kind max)"
    done
    printf '%-10s | %-40s | %-40s\n' "req/s" "$(rate three)" "$(rate one)"
    printf '%-10s | %-40s | %-40s\n' "late p99" "$(awk '$1 == "rate" {print $6 " ms (arrivals started late by the client)"}' "$OUT/three.txt")" \
        "$(awk '$1 == "rate" {print $6 " ms"}' "$OUT/one.txt")"
    for n in $(seq 1 "$LOCAL_REPLICAS"); do
        one="-"
        [ "$n" = 1 ] && one="CPU $(seconds "$CPU1 / 1000") s, RSS $RSS1 MiB"
        printf '%-10s | %-40s | %-40s\n' "replica $n" "CPU $(seconds "${CPU3[$n]} / 1000") s, RSS ${RSS3[$n]} MiB" "$one"
    done
    CPU3_ALL=0
    for n in $(seq 1 "$LOCAL_REPLICAS"); do CPU3_ALL=$((CPU3_ALL + CPU3[$n])); done
    printf '%-10s | %-40s | %-40s\n' "app CPU" "$(echo "$CPU3_ALL / $(figure three all requests)" | bc -l | xargs printf '%.2f') ms a request" \
        "$(echo "$CPU1 / $(figure one all requests)" | bc -l | xargs printf '%.2f') ms a request"
    printf '%-10s | %-40s | %-40s\n' "PostgreSQL" "CPU $(seconds "$PG3 / 1000") s (all its databases)" "CPU $(seconds "$PG1 / 1000") s"
    printf '%-10s | %-40s | %-40s\n' "machine" "$BUSY3 % busy of $(nproc) cores" "$BUSY1 % busy"
    echo "statuses (3 replicas):"
    for kind in live schedule delta agenda; do echo "  $kind $(figure three $kind statuses)"; done
    grep '^error' "$OUT/three.txt" "$OUT/one.txt" || true
    echo "statements of ${HERD_SLOW_MS:-100} ms and more during the herds, by total time:"
    head -5 "$OUT/slow-statements.txt"
    verdict="missed"
    awk '$1 == "kind" && $2 == "all" {exit !($6 == 0 && $10 < 100)}' "$OUT/three.txt" && verdict="met"
    echo "target on $LOCAL_REPLICAS replicas: no errors and p99 under 100 ms for the whole herd: $verdict; raw outputs in $OUT"
} | tee "$OUT/results.txt"
