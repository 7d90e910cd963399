#!/usr/bin/env bash
# Agenda throughput on the large generated event with 20,000 attendees holding 10 bookmarks each:
# GET /agenda and the bookmark PUT (tokens rotate: every request is another attendee), GET /schedule/changes
# with a recent cursor, each next to the /schedule 304 from the same run; then the number of SQL statements
# one agenda request runs, for 10 and for 50 bookmarks. Usage: ./mvnw package -DskipTests && bench/agenda.sh
# Tunables: BENCH_WRK_OPTS (default "-t2 -c64 -d20s"), BENCH_ATTENDEES (default 20000),
# AGENDA_WARMUP_SECONDS (150).
# A port of its own: other benchmarks on this machine use common.sh's default at the same time.
export BENCH_PORT=${BENCH_PORT:-8093}
source "$(dirname "$0")/lib/common.sh"
bench_require wrk curl psql jq bc

DB=hallway_bench_agenda
ATTENDEES=${BENCH_ATTENDEES:-20000}
EVENT="$BENCH_URL/api/events/bench-large"
export TOKENS="$BENCH_OUT/agenda-tokens.txt"

bench_pg_start
bench_db_create "$DB"
bench_app_start "$DB"
psql -d "$DB" -q -f "$BENCH_ROOT/lib/large-event.sql"
psql -d "$DB" -q -f "$BENCH_ROOT/agenda/load.sql"
# Tokens live 12 hours and the key pair is kept: mint again only when the set is missing or too small.
if [ "$(wc -l < "$TOKENS" 2>/dev/null || echo 0)" -lt "$ATTENDEES" ] || [ ! -s "$BENCH_OUT/agenda-heavy.txt" ] \
        || [ -n "$(find "$TOKENS" -mmin +600)" ]; then
    echo "minting $ATTENDEES attendee tokens ..."
    bench_mint attendee attendee "$ATTENDEES" "$TOKENS"
    bench_mint attendee heavy 1 "$BENCH_OUT/agenda-heavy.txt"
fi
echo "bookmarks loaded: $(psql -d "$DB" -tAc 'select count(*) from bookmark')"

SESSIONS=$(psql -d "$DB" -tAc "select string_agg(id::text, ',') from session
                               where event_id = (select id from event where slug = 'bench-large')")
export SESSIONS
ONE_TOKEN=$(head -1 "$TOKENS")
curl -fsS -H "Authorization: Bearer $ONE_TOKEN" "$EVENT/agenda" | jq -e '.items | length == 10' >/dev/null \
    || { echo "attendee0 should have 10 bookmarks" >&2; exit 1; }

ETAG=$(curl -fsS -D - -o /dev/null "$EVENT/schedule" | awk 'tolower($1) == "etag:" {print $2}' | tr -d '\r')
CURSOR=$(curl -fsS "$EVENT/schedule" | jq -r .cursor)
psql -d "$DB" -q -f "$BENCH_ROOT/agenda/change.sql"
sleep 2 # past the version-check interval, so the app reads the new version
CHANGED=$(curl -fsS "$EVENT/schedule/changes?since=$CURSOR" | jq '.sessions | length')
[ "$CHANGED" = 10 ] || { echo "expected 10 changed sessions, got $CHANGED" >&2; exit 1; }
ETAG=$(curl -fsS -D - -o /dev/null "$EVENT/schedule" | awk 'tolower($1) == "etag:" {print $2}' | tr -d '\r')

# On 2 shared cores the JIT needs about two and a half minutes of agenda requests before it stops compiling
# (jstat -compiler; CPU per request falls from 15 ms to 0.4 ms): each request is measured in that steady
# state, right after its own warm-up, and the agendas while every attendee still holds 10 bookmarks.
AGENDA_WARMUP=${AGENDA_WARMUP_SECONDS:-150}
echo "warming up the app (JIT): ${AGENDA_WARMUP} s of agendas, then 20 to 30 s of each other request ..."
wrk -t2 -c16 -d20s -H "If-None-Match: $ETAG" "$EVENT/schedule" >/dev/null
METHOD=GET TARGET=/api/events/bench-large/agenda wrk -t2 -c64 -d"${AGENDA_WARMUP}s" -s "$BENCH_ROOT/agenda/rotate.lua" "$BENCH_URL" >/dev/null
read -r _ REF REF_P99 < <(bench_wrk schedule-304 "$EVENT/schedule" -H "If-None-Match: $ETAG")
read -r _ AGENDA AGENDA_P99 < <(METHOD=GET TARGET=/api/events/bench-large/agenda \
    bench_wrk agenda-get "$BENCH_URL" -s "$BENCH_ROOT/agenda/rotate.lua")
METHOD=PUT TARGET="/api/events/bench-large/agenda/sessions/{session}" wrk -t2 -c64 -d30s -s "$BENCH_ROOT/agenda/rotate.lua" "$BENCH_URL" >/dev/null
read -r _ PUT PUT_P99 < <(METHOD=PUT TARGET="/api/events/bench-large/agenda/sessions/{session}" \
    bench_wrk bookmark-put "$BENCH_URL" -s "$BENCH_ROOT/agenda/rotate.lua")
wrk -t2 -c64 -d30s "$EVENT/schedule/changes?since=$CURSOR" >/dev/null
read -r _ DELTA DELTA_P99 < <(bench_wrk schedule-changes "$EVENT/schedule/changes?since=$CURSOR")
for label in agenda-get bookmark-put schedule-changes; do
    if grep -q "Non-2xx" "$BENCH_OUT/wrk-$label.txt"; then
        echo "$label had errors:" >&2; grep "Non-2xx" "$BENCH_OUT/wrk-$label.txt" >&2; exit 1
    fi
done
RSS=$(bench_rss "$BENCH_APP_PID")
BOOKMARKS=$(psql -d "$DB" -tAc 'select count(*) from bookmark')
bench_app_stop

# Statements per agenda request, counted by PostgreSQL itself: log every statement of this database
# (fresh connections pick the setting up), then count the lines one request adds.
psql -d "$DB" -qc "alter database $DB set log_statement = 'all'"
bench_app_start "$DB"
PG_LOG=$(bench_pg_log "$DB")
statements() { # TOKEN: statements the app sends to PostgreSQL for one GET /agenda (warm), BEGIN/COMMIT and
    # two periodic reads excluded, which run whatever the number of requests: the published-version check
    # (at most once per hallway.schedule.version-check-interval) and the venue versions (every
    # hallway.venue.refresh-interval, from a background thread)
    curl -fsS -o /dev/null -H "Authorization: Bearer $1" "$EVENT/agenda"
    sleep 0.5
    local before; before=$(wc -l < "$PG_LOG")
    curl -fsS -o /dev/null -H "Authorization: Bearer $1" "$EVENT/agenda"
    sleep 0.5
    tail -n +"$((before + 1))" "$PG_LOG" | grep "@$DB " | grep -E "LOG:  (statement|execute)" \
        | grep -viE "(statement|execute [^:]*): *(BEGIN|COMMIT|ROLLBACK)" | grep -v "schedule_version from event" \
        | grep -v "from venue v join event e" | wc -l
}
Q10=$(statements "$ONE_TOKEN")
Q50=$(statements "$(head -1 "$BENCH_OUT/agenda-heavy.txt")")
bench_app_stop
psql -d "$DB" -qc "alter database $DB reset log_statement"

ratio() { echo "$1 / $2" | bc -l | xargs printf '%.2f'; }
echo
echo "large event: 400 sessions; $ATTENDEES attendees; $BOOKMARKS bookmarks after the run"
printf '%-26s %12s %10s %14s\n' case "req/s" "p99 ms" "vs 304 req/s"
printf '%-26s %12s %10s %14s\n' "GET /schedule 304 (ref)" "$REF" "$REF_P99" "1.00"
printf '%-26s %12s %10s %14s\n' "GET /agenda (10 each)" "$AGENDA" "$AGENDA_P99" "$(ratio "$AGENDA" "$REF")"
printf '%-26s %12s %10s %14s\n' "PUT bookmark" "$PUT" "$PUT_P99" "$(ratio "$PUT" "$REF")"
printf '%-26s %12s %10s %14s\n' "GET /schedule/changes" "$DELTA" "$DELTA_P99" "$(ratio "$DELTA" "$REF")"
echo "SQL statements per GET /agenda: $Q10 with 10 bookmarks, $Q50 with 50 bookmarks (plus the schedule-version check, at most once a second per replica)"
echo "app RSS after the run: ${RSS} MiB"
echo "targets: agenda p99 under 50 ms at 64 connections; statements per agenda request independent of bookmarks"
