#!/usr/bin/env bash
# Notification fan-out, KubeCon-sized: on the schedule bench's event (bench/lib/large-event.sql) moved to
# tomorrow and in release mode manual, a release moving 20 sessions that 2,000 people follow each (9,000
# distinct people), delivered through the webhook relay to a local receiver (bench/notify/receiver.py) that
# checks every signature: the organizer's release request latency, seconds from the release's commit to the
# last delivery, and deliveries per second, in one run. Usage: ./mvnw package -DskipTests && bench/notify.sh
# Tunables: NOTIFY_COLLECT_SECONDS (collect window, default 5), NOTIFY_SESSIONS (moved sessions, 20, at most
# 24), NOTIFY_FOLLOWERS (per moved session, 2000), NOTIFY_PEOPLE (who follow them, 9000), NOTIFY_BYSTANDERS
# (who follow none of them, 3000), NOTIFY_TIMEOUT (seconds to wait for the deliveries, 180), NOTIFY_SLOW_MS
# (statements PostgreSQL logs, 50 ms and longer); any other HALLWAY_NOTIFY_* setting in the environment
# (HALLWAY_NOTIFY_SENDERS, ..._BATCH_SIZE) reaches the app. RELEASE_ONLY=1 times the same seeded release and
# nothing after it, with no receiver: for a build without notifications, named by BENCH_APP_DIR (another
# worktree's target/quarkus-app), as the reference the release request is compared with.
source "$(dirname "$0")/lib/common.sh"
bench_require curl psql jq bc python3
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

DB=hallway_bench_notify
OUT="$BENCH_OUT/notify"
WINDOW=${NOTIFY_COLLECT_SECONDS:-5}
SESSIONS=${NOTIFY_SESSIONS:-20}
FOLLOWERS=${NOTIFY_FOLLOWERS:-2000}
PEOPLE=${NOTIFY_PEOPLE:-9000}
BYSTANDERS=${NOTIFY_BYSTANDERS:-3000}
TIMEOUT=${NOTIFY_TIMEOUT:-180}
RELEASE_ONLY=${RELEASE_ONLY:-0}
ADMIN="$BENCH_URL/api/admin/events/bench-large"
RECEIVER_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
RECEIVER_URL="http://127.0.0.1:$RECEIVER_PORT"
# Standard Webhooks' secret: whsec_ and the base64 of 24 to 64 random bytes.
WEBHOOK_SECRET="whsec_$(head -c 32 /dev/urandom | base64 -w0)"
export WEBHOOK_SECRET
rm -rf "$OUT"
mkdir -p "$OUT"

sql() { psql -d "$DB" -tAc "$1"; }
# slow_statements FROM TO: the bench database's statements that PostgreSQL logged as slow between two lengths
# of its log, summed by their first words, the costliest first.
slow_statements() {
    sed -n "$(($1 + 1)),$2p" "$PG_LOG" | { grep "@$DB LOG:  duration:" || true; } \
        | sed -E 's/.*duration: ([0-9.]+) ms  (statement|(parse|bind|execute) [^:]*): *(.{0,60}).*/\1\t\4/' \
        | awk -F'\t' '{ms[$2] += $1; n[$2]++} END {for (k in ms) printf "%8.0f ms %5d x  %s\n", ms[k], n[k], k}' \
        | sort -rn
}
seconds() { echo "$1" | bc -l | xargs printf '%.2f'; }

bench_pg_start
bench_db_create "$DB"
# Statements of ${NOTIFY_SLOW_MS:-50} ms and more are logged: what the release and the fan-out spent their time on.
psql -d "$DB" -qc "alter database $DB set log_min_duration_statement = ${NOTIFY_SLOW_MS:-50}"
PG_LOG=$(bench_pg_log "$DB")
HALLWAY_NOTIFY_WEBHOOK_URL="$RECEIVER_URL/hallway" HALLWAY_NOTIFY_WEBHOOK_SECRET=$WEBHOOK_SECRET \
HALLWAY_NOTIFY_COLLECT_WINDOW="${WINDOW}s" \
    bench_app_start "$DB"
HAS_NOTIFICATIONS=$(sql "select to_regclass('notification') is not null")
if [ "$RELEASE_ONLY" != 1 ]; then
    [ "$HAS_NOTIFICATIONS" = t ] \
        || { echo "this build has no notifications (migration V14): package the app with them, or set RELEASE_ONLY=1" >&2; exit 1; }
    python3 "$BENCH_ROOT/notify/receiver.py" "$RECEIVER_PORT" "$OUT" 2> "$OUT/receiver.log" &
    RECEIVER_PID=$!
    # errexit holds in the trap too: a receiver stopped already must not keep the app from being stopped.
    trap 'kill "$RECEIVER_PID" 2>/dev/null || true; bench_app_stop' EXIT
fi

bench_large_event_tomorrow "$DB"
MOVED=$(bench_last_sessions "$DB" "$SESSIONS")
psql -d "$DB" -q -v moved="$MOVED" -v people="$PEOPLE" -v followers="$FOLLOWERS" -v bystanders="$BYSTANDERS" \
    -f "$BENCH_ROOT/notify/load.sql"
read -r LEAST_FOLLOWED MOST_FOLLOWED < <(sql "select min(n), max(n) from (select count(*) as n from bookmark
                                                 where session_id in ($MOVED) group by session_id) f" | tr '|' ' ')
EXPECTED=$(sql "select count(distinct user_id) from bookmark where session_id in ($MOVED)")
BOOKMARKS=$(sql "select count(*) from bookmark")

bench_mint admin operator 1 "$OUT/operator.txt"
OPERATOR=$(head -1 "$OUT/operator.txt")
bench_draft_moves "$DB" "$ADMIN" "$OPERATOR" "$MOVED" "$OUT"
if [ "$HAS_NOTIFICATIONS" = t ]; then
    EARLY=$(sql "select count(*) from notification")
    [ "$EARLY" = 0 ] || echo "warning: $EARLY notifications before the release: a draft edit notified people" >&2
fi

CPU_APP_BEFORE=$(bench_cpu_ms "$BENCH_APP_PID")
# shellcheck disable=SC2046 # one argument per process
CPU_PG_BEFORE=$(bench_cpu_ms $(bench_pg_pids))
# shellcheck disable=SC2086 # no receiver in RELEASE_ONLY, no argument (not "", which reads /proc//stat)
CPU_RECEIVER_BEFORE=$(bench_cpu_ms ${RECEIVER_PID:-})
LOG_BEFORE=$(wc -l < "$PG_LOG")
echo "releasing $SESSIONS moved sessions to $EXPECTED people ..."
BUSY_BEFORE=$(bench_machine_busy_ms)
RELEASE_STARTED=$(date +%s.%N)
read -r RELEASE_STATUS RELEASE_SECONDS < <(curl -sS -o "$OUT/release.json" -w '%{http_code} %{time_total}\n' \
    -X POST -H "Authorization: Bearer $OPERATOR" -H 'Content-Type: application/json' \
    -d '{"name": "v2", "comment": "Twenty sessions move 15 minutes later."}' "$ADMIN/releases")
RELEASED_AT=$(date +%s.%N)
LOG_RELEASED=$(wc -l < "$PG_LOG")
CPU_APP_RELEASE=$(($(bench_cpu_ms "$BENCH_APP_PID") - CPU_APP_BEFORE))
[ "$RELEASE_STATUS" = 201 ] || { echo "the release answered $RELEASE_STATUS: $(cat "$OUT/release.json")" >&2; exit 1; }
RELEASE_MOVED=$(jq .sessions.moved "$OUT/release.json")
[ "$RELEASE_MOVED" = "$SESSIONS" ] || echo "warning: the release moved $RELEASE_MOVED sessions, not $SESSIONS" >&2
slow_statements "$LOG_BEFORE" "$LOG_RELEASED" > "$OUT/slow-release.txt"

if [ "$RELEASE_ONLY" = 1 ]; then
    {
        echo "release only, $BENCH_APP_DIR (notifications: $HAS_NOTIFICATIONS): $SESSIONS sessions moved, $EXPECTED people"
        echo "follow them ($BYSTANDERS more do not), $BOOKMARKS bookmarks; load average before: $LOAD_BEFORE"
        printf '%-46s %12s\n' figure value
        printf '%-46s %12s\n' "release request (s)" "$(seconds "$RELEASE_SECONDS")"
        printf '%-46s %12s\n' "app CPU s: release request" "$(seconds "$CPU_APP_RELEASE / 1000")"
        printf '%-46s %12s\n' "app RSS after the release (MiB)" "$(bench_rss "$BENCH_APP_PID")"
        echo "the release reported $RELEASE_MOVED sessions moved; raw outputs in $OUT"
        echo "statements of ${NOTIFY_SLOW_MS:-50} ms and more during the release, by total time:"
        head -5 "$OUT/slow-release.txt"
    } | tee "$OUT/results.txt"
    exit 0
fi

# Until every person has theirs, or the time is up; progress every 5 seconds.
RECEIVED=0
for tick in $(seq 1 $((TIMEOUT * 4))); do
    sleep 0.25
    RECEIVED=$(curl -fsS "$RECEIVER_URL/summary" | jq .distinct_ids)
    [ "$RECEIVED" -ge "$EXPECTED" ] && break
    kill -0 "$BENCH_APP_PID" 2>/dev/null || { echo "the app died; see $BENCH_OUT/app.log" >&2; exit 1; }
    if [ $((tick % 20)) = 0 ]; then echo "  $((tick / 4)) s after the release: $RECEIVED of $EXPECTED delivered"; fi
done
[ "$RECEIVED" -ge "$EXPECTED" ] || echo "warning: $RECEIVED of $EXPECTED delivered after $TIMEOUT s" >&2
DONE_AT=$(date +%s.%N)
BUSY=$(($(bench_machine_busy_ms) - BUSY_BEFORE))
CPU_APP=$(($(bench_cpu_ms "$BENCH_APP_PID") - CPU_APP_BEFORE))
# The backends the app opened meanwhile count from 0.
# shellcheck disable=SC2046
CPU_PG=$(($(bench_cpu_ms $(bench_pg_pids)) - CPU_PG_BEFORE))
CPU_RECEIVER=$(($(bench_cpu_ms "$RECEIVER_PID") - CPU_RECEIVER_BEFORE))
RSS=$(bench_rss "$BENCH_APP_PID")
slow_statements "$LOG_RELEASED" "$(wc -l < "$PG_LOG")" > "$OUT/slow-fan-out.txt"
# A late duplicate (a retry of something delivered) would come within a poll or two.
sleep 3
kill "$RECEIVER_PID"
wait "$RECEIVER_PID" || true
SUMMARY="$OUT/summary.json"

# What the outbox says: notifications, deliveries by state, retries, and when the last window closed.
sql "select state, count(*), count(*) filter (where attempts > 1) from notification_delivery group by state order by state" \
    > "$OUT/deliveries.txt"
NOTIFICATIONS=$(sql "select count(*) from notification")
NOT_DELIVERED=$(sql "select count(*) from notification_delivery where state <> 'delivered'")
RETRIED=$(sql "select count(*) from notification_delivery where attempts > 1")
WINDOW_CLOSED=$(sql "select extract(epoch from max(collect_until)) from notification")
SEAL_LAG=$(sql "select extract(epoch from max(sealed_at) - max(collect_until)) from notification")

FIRST=$(jq .first_arrival "$SUMMARY")
LAST=$(jq .last_arrival "$SUMMARY")
DISTINCT=$(jq .distinct_ids "$SUMMARY")
[ "$DISTINCT" -gt 0 ] || { echo "nothing was delivered; see $BENCH_OUT/app.log and $OUT/deliveries.txt" >&2; exit 1; }
TO_LAST=$(seconds "$LAST - $RELEASED_AT")
RATE=$(awk -v n="$DISTINCT" -v first="$FIRST" -v last="$LAST" 'BEGIN {print (last > first ? sprintf("%.0f", n / (last - first)) : "-")}')
ELAPSED=$(echo "$DONE_AT - $RELEASE_STARTED" | bc -l)
OTHERS=$((BUSY - CPU_APP - CPU_PG - CPU_RECEIVER))
verdict() { [ "$(echo "$1" | bc -l)" = 1 ] && echo met || echo missed; }
{
    echo "large event moved to tomorrow: $SESSIONS sessions moved by a release, $LEAST_FOLLOWED to $MOST_FOLLOWED followers each;"
    echo "$EXPECTED people follow them ($BYSTANDERS more do not), $BOOKMARKS bookmarks; collect window ${WINDOW} s,"
    echo "senders ${HALLWAY_NOTIFY_SENDERS:-16}, batch ${HALLWAY_NOTIFY_BATCH_SIZE:-200}; load average before: $LOAD_BEFORE"
    printf '%-46s %12s\n' figure value
    printf '%-46s %12s\n' "release request (s)" "$(seconds "$RELEASE_SECONDS")"
    printf '%-46s %12s\n' "release return -> first delivery (s)" "$(seconds "$FIRST - $RELEASED_AT")"
    printf '%-46s %12s\n' "release return -> last delivery (s)" "$TO_LAST"
    printf '%-46s %12s\n' "window close -> last delivery (s)" "$(seconds "$LAST - $WINDOW_CLOSED")"
    printf '%-46s %12s\n' "window close -> last seal (s)" "$(seconds "$SEAL_LAG")"
    printf '%-46s %12s\n' "deliveries/s (first to last)" "$RATE"
    printf '%-46s %12s\n' "people notified / expected" "$(jq .distinct_subjects "$SUMMARY") / $EXPECTED"
    printf '%-46s %12s\n' "notifications in the outbox" "$NOTIFICATIONS"
    printf '%-46s %12s\n' "deliveries not delivered / retried" "$NOT_DELIVERED / $RETRIED"
    printf '%-46s %12s\n' "duplicates / bad signatures / stale" \
        "$(jq -r '"\(.duplicates) / \(.bad_signatures) / \(.stale_timestamps)"' "$SUMMARY")"
    printf '%-46s %12s\n' "connections the app opened to the receiver" "$(jq .connections "$SUMMARY")"
    printf '%-46s %12s\n' "app CPU s: release request / fan-out" "$(seconds "$CPU_APP_RELEASE / 1000") / $(seconds "($CPU_APP - $CPU_APP_RELEASE) / 1000")"
    printf '%-46s %12s\n' "CPU s: app / PostgreSQL / receiver / the rest" "$(seconds "$CPU_APP / 1000") / $(seconds "$CPU_PG / 1000") / $(seconds "$CPU_RECEIVER / 1000") / $(seconds "$OTHERS / 1000")"
    printf '%-46s %12s\n' "machine busy, release to last delivery" "$(echo "$BUSY / 10 / $ELAPSED / $(nproc)" | bc -l | xargs printf '%.0f') % of $(nproc) cores"
    printf '%-46s %12s\n' "app RSS after the run (MiB)" "$RSS"
    echo "the release reported $RELEASE_MOVED sessions moved; raw outputs in $OUT"
    echo "statements of ${NOTIFY_SLOW_MS:-50} ms and more, by total time: during the release"
    head -3 "$OUT/slow-release.txt"
    echo "after it, to the last delivery"
    head -3 "$OUT/slow-fan-out.txt"
    echo "targets: every notification out within 60 s of the release ($(verdict "$TO_LAST < 60 && $DISTINCT >= $EXPECTED")), the release request under 1 s ($(verdict "$RELEASE_SECONDS < 1"))"
} | tee "$OUT/results.txt"
