#!/usr/bin/env bash
# People worth meeting on the large generated event: 20,000 opted-in attendees, each with a profile showing 10
# interests (skewed: a few topics are popular), 10 bookmarks and a few intents. GET /me/suggestions?limit=20 for
# rotating attendees (every request is another attendee) next to the /schedule 304 from the same run, once the
# app's worker has built every attendee's pool (timed); then the number of SQL statements one suggestions request
# runs for attendees with few and with many matches, and the plan of the ranking statement. Usage: ./mvnw package -DskipTests && bench/suggestions.sh
# Tunables: BENCH_WRK_OPTS (default "-t2 -c64 -d20s"), SUGGESTIONS_WARMUP_SECONDS (60), SUGGESTIONS_SKEW (0.8: the
# Zipf exponent of the interests; 0 draws them uniformly).
# A port of its own: other benchmarks on this machine use common.sh's default at the same time.
export BENCH_PORT=${BENCH_PORT:-8097}
source "$(dirname "$0")/lib/common.sh"
bench_require wrk curl psql jq bc python3

DB=hallway_bench_suggestions
ATTENDEES=20000
EVENT="$BENCH_URL/api/events/bench-large"
SUGGESTIONS="$EVENT/me/suggestions?limit=20"
export TOKENS="$BENCH_OUT/suggestions-tokens.txt"
echo "load average at the start: $(cat /proc/loadavg)"

bench_pg_start
bench_db_create "$DB"
# The large event ended in 2025: the scheduled retention purge (a minute after start, then hourly) would delete the
# attendees' bookmarks, profiles and suggestion settings in the middle of the run.
NO_PURGE=-Dhallway.people.purge-every=off
bench_app_start "$DB" $NO_PURGE
psql -d "$DB" -q -f "$BENCH_ROOT/lib/large-event.sql"
psql -d "$DB" -q -f "$BENCH_ROOT/agenda/load.sql"
psql -d "$DB" -q -v skew="${SUGGESTIONS_SKEW:-0.8}" -f "$BENCH_ROOT/suggestions/load.sql"
# Tokens live 12 hours and the key pair is kept: mint again only when the set is missing or too small.
if [ "$(wc -l < "$TOKENS" 2>/dev/null || echo 0)" -lt "$ATTENDEES" ] || [ ! -s "$BENCH_OUT/suggestions-few.txt" ] \
        || [ -n "$(find "$TOKENS" -mmin +600)" ]; then
    echo "minting $ATTENDEES attendee tokens ..."
    bench_mint attendee attendee "$ATTENDEES" "$TOKENS"
    bench_mint attendee heavy 1 "$BENCH_OUT/suggestions-many.txt"
    bench_mint attendee quiet 1 "$BENCH_OUT/suggestions-few.txt"
fi
token() { sed -n "$(($1 + 1))p" "$TOKENS"; } # attendee N's token
ONE_TOKEN=$(token 0)
MANY_TOKEN=$(cat "$BENCH_OUT/suggestions-many.txt")
FEW_TOKEN=$(cat "$BENCH_OUT/suggestions-few.txt")
EVENT_ID=$(psql -d "$DB" -tAc "select id from event where slug = 'bench-large'")
psql -d "$DB" -tA -F ' ' -c "select count(*), count(distinct user_id) from suggestion_term where term like 'interest:%'" \
                          -c "select count(*) from suggestion_term where term not like 'interest:%'" \
                          -c "select count(*) from suggestion_setting where intents <> '[]'" \
                          -c "select count(*) from bookmark" | paste -sd' ' \
    | { read -r INTERESTS HOLDERS INTENT_TERMS WITH_INTENTS BOOKMARKS
        echo "loaded: $INTERESTS interest terms of $HOLDERS people, $INTENT_TERMS intent terms of $WITH_INTENTS people, $BOOKMARKS bookmarks"; }
echo "speakers who linked their account: $(psql -d "$DB" -tAc "select count(*) from speaker_link")"
echo "most and least held interests:"
psql -d "$DB" -tAc "(select label, count(*) from suggestion_term where term like 'interest:%' group by 1 order by 2 desc limit 3)
                    union all (select label, count(*) from suggestion_term where term like 'interest:%' group by 1 order by 2 limit 1)" \
    | sed 's/^/  /'

# The loaded terms are what the app itself writes: save three attendees' settings again through the API (which
# rebuilds their terms from their profile and settings) and compare.
for who in 0 \
    "$(psql -d "$DB" -tAc "select substr(u.subject, 9) from suggestion_setting s join app_user u on u.id = s.user_id
                           where s.intents @> '[{\"intent\": \"hiring\"}]' and jsonb_array_length(s.intents) > 1 order by u.id limit 1")" \
    "$(psql -d "$DB" -tAc "select substr(u.subject, 9) from suggestion_setting s join app_user u on u.id = s.user_id
                           where s.intents @> '[{\"intent\": \"looking-for-work\", \"topics\": []}]' order by u.id limit 1")"; do
    terms="select term, role, label from suggestion_term where user_id = (select id from app_user where subject = 'attendee$who') order by 1, 2"
    before=$(psql -d "$DB" -tAc "$terms")
    settings=$(curl -fsS -H "Authorization: Bearer $(token "$who")" "$EVENT/me/suggestion-settings")
    curl -fsS -o /dev/null -X PUT -H "Authorization: Bearer $(token "$who")" -H 'Content-Type: application/json' \
        -d "$settings" "$EVENT/me/suggestion-settings"
    [ "$before" = "$(psql -d "$DB" -tAc "$terms")" ] \
        || { echo "attendee$who: the loaded terms differ from the app's:" >&2; diff <(echo "$before") <(psql -d "$DB" -tAc "$terms") >&2; exit 1; }
done
echo "loaded terms match the app's for 3 attendees (one hiring and more, one looking for work without topics)"

# The loaded opt-ins have no pools yet, as after the migration that added them: the app's worker builds them (on
# every replica at once in a deployment, here on one). Wait for it, and report how long 20,000 builds took.
due() { psql -d "$DB" -tAc "select count(*) from suggestion_setting where pool_due_at <= now()"; }
BUILD_START=$(date +%s.%N)
while [ "$(due)" != 0 ]; do sleep 2; done
BUILD_SECONDS=$(echo "$(date +%s.%N) - $BUILD_START" | bc -l | xargs printf '%.0f')
POOLS=$(psql -d "$DB" -tAc "select count(*) || ' pool entries, ' || count(distinct user_id) || ' people with a pool'
                            from suggestion_candidate")
echo "pools built in ${BUILD_SECONDS} s: $POOLS; load average: $(cat /proc/loadavg)"

curl -fsS -H "Authorization: Bearer $ONE_TOKEN" "$SUGGESTIONS" > "$BENCH_OUT/suggestions-attendee0.json"
jq -e 'length == 20 and all(.[]; (.reasons | length) > 0 and .person.displayName != null)
       and any(.[].reasons[]; .kind == "sessions") and any(.[].reasons[]; .kind == "interest")' \
    "$BENCH_OUT/suggestions-attendee0.json" >/dev/null \
    || { echo "attendee0 should get 20 suggestions, each with reasons; see $BENCH_OUT/suggestions-attendee0.json" >&2; exit 1; }
echo "attendee0's first suggestion:"
jq -c '.[0] | {person: .person.displayName, score, reasons: [.reasons[].text]}' "$BENCH_OUT/suggestions-attendee0.json"
curl -fsS -H "Authorization: Bearer $FEW_TOKEN" "$SUGGESTIONS" | jq -e 'length == 5 and all(.[]; (.reasons | length) > 0)' >/dev/null \
    || { echo "quiet0 should get 5 suggestions" >&2; exit 1; }

ETAG=$(curl -fsS -D - -o /dev/null "$EVENT/schedule" | awk 'tolower($1) == "etag:" {print $2}' | tr -d '\r')

WARMUP=${SUGGESTIONS_WARMUP_SECONDS:-60}
echo "warming up the app (JIT): 20 s of 304s, ${WARMUP} s of suggestions ..."
wrk -t2 -c16 -d20s -H "If-None-Match: $ETAG" "$EVENT/schedule" >/dev/null
METHOD=GET TARGET="/api/events/bench-large/me/suggestions?limit=20" \
    wrk -t2 -c64 -d"${WARMUP}s" --timeout 30s -s "$BENCH_ROOT/agenda/rotate.lua" "$BENCH_URL" >/dev/null
# wrk leaves requests behind in the app's queue when it stops: let them finish before the next measurement.
drain() {
    for _ in $(seq 1 120); do
        [ "$(psql -d "$DB" -tAc "select count(*) from pg_stat_activity where datname = '$DB' and state = 'active'
                                 and pid <> pg_backend_pid()")" = 0 ] && return 0
        sleep 0.5
    done
}
drain
echo "load average before the measured runs: $(cat /proc/loadavg)"
read -r _ REF REF_P99 < <(bench_wrk schedule-304 "$EVENT/schedule" -H "If-None-Match: $ETAG")
read -r _ SUG SUG_P99 < <(METHOD=GET TARGET="/api/events/bench-large/me/suggestions?limit=20" \
    bench_wrk suggestions "$BENCH_URL" --timeout 30s -s "$BENCH_ROOT/agenda/rotate.lua")
drain
for label in schedule-304 suggestions; do
    if grep -qE "Non-2xx|Socket errors" "$BENCH_OUT/wrk-$label.txt"; then
        echo "$label had errors (a timeout is a response slower than wrk's --timeout, left out of the latencies):" >&2
        grep -E "Non-2xx|Socket errors" "$BENCH_OUT/wrk-$label.txt" >&2; exit 1
    fi
done
LOADED=$(psql -d "$DB" -tAc "select (select count(*) from bookmark) || ' bookmarks, ' || (select count(*) from profile)
                               || ' profiles, ' || (select count(*) from suggestion_term) || ' terms'")
echo "after the run: $LOADED"
[ "${LOADED%% *}" = 200050 ] || { echo "bookmarks went missing during the run" >&2; exit 1; }
p50() { bench_ms "$(awk '$1 == "50%" {print $2}' "$BENCH_OUT/wrk-$1.txt")"; }
REF_P50=$(p50 schedule-304)
SUG_P50=$(p50 suggestions)
RSS=$(bench_rss "$BENCH_APP_PID")
bench_app_stop

# Statements per suggestions request, counted by PostgreSQL itself as agenda.sh does: log every statement of this
# database (fresh connections pick the setting up), then count the lines one request adds. auto_explain logs the
# plan of each statement with its actual times, the ranking statement's among them. Scheduled jobs (notification
# delivery) are off, so that the log holds the request's statements and the venue refresh only.
psql -d "$DB" -qc "alter database $DB set log_statement = 'all'" \
    -c "alter database $DB set session_preload_libraries = 'auto_explain'" \
    -c "alter database $DB set auto_explain.log_min_duration = 0" \
    -c "alter database $DB set auto_explain.log_analyze = on" \
    -c "alter database $DB set auto_explain.log_buffers = on"
bench_app_start "$DB" $NO_PURGE -Dquarkus.scheduler.enabled=false
PG_LOG=$(bench_pg_log "$DB")
statements() { # TOKEN LABEL: statements the app sends to PostgreSQL for one GET /me/suggestions (warm), BEGIN/COMMIT
    # and two periodic reads excluded, which run whatever the number of requests: the published-version check (at
    # most once per hallway.schedule.version-check-interval) and the venue versions (every
    # hallway.venue.refresh-interval, from a background thread). The request's log goes to out/statements-LABEL.log, the counted lines to .txt.
    curl -fsS -o /dev/null -H "Authorization: Bearer $1" "$SUGGESTIONS"
    sleep 0.5
    local before; before=$(wc -l < "$PG_LOG")
    curl -fsS -o /dev/null -H "Authorization: Bearer $1" "$SUGGESTIONS"
    sleep 0.5
    tail -n +"$((before + 1))" "$PG_LOG" > "$BENCH_OUT/statements-$2.log"
    grep "@$DB " "$BENCH_OUT/statements-$2.log" | grep -E "LOG:  (statement|execute)" \
        | grep -viE "(statement|execute [^:]*): *(BEGIN|COMMIT|ROLLBACK)" | grep -vE "schedule_version\)? from event" \
        | grep -v "from venue v join event e" | tee "$BENCH_OUT/statements-$2.txt" | wc -l
}
Q_ONE=$(statements "$ONE_TOKEN" one)
Q_MANY=$(statements "$MANY_TOKEN" many)
Q_FEW=$(statements "$FEW_TOKEN" few)
bench_app_stop
psql -d "$DB" -qc "alter database $DB reset all"

# The ranking statement's plan for attendee0: the log entry (a line with the log prefix and its continuation lines)
# whose query text starts the ranking.
python3 - "$BENCH_OUT/statements-one.log" > "$BENCH_OUT/suggestions-plan.txt" <<'PY'
import re, sys
entries, current = [], []
for line in open(sys.argv[1], errors="replace"):
    if re.match(r"\d{4}-\d\d-\d\d ", line) and current:
        entries.append("".join(current)); current = []
    current.append(line)
entries.append("".join(current))
print(next((e for e in entries if "plan:" in e and "from suggestion_candidate c" in e), "no plan of the ranking statement logged"))
PY

# People each caller shares something with, and the rows an exhaustive ranking would join to find them (what the
# ranking did per request before the pools; the pool build now follows only the rarest keys, off the request path).
matches() { # SUBJECT: "people rows"
    psql -d "$DB" -tA -F ' ' -c "
        with me as (select id from app_user where subject = '$1'),
        found as (
            select theirs.user_id from suggestion_term mine join suggestion_term theirs on theirs.event_id = mine.event_id
                and theirs.term = mine.term and theirs.user_id <> mine.user_id
                and theirs.role = case mine.role when 'shared' then 'shared' when 'offers' then 'seeks' else 'offers' end
            where mine.event_id = $EVENT_ID and mine.user_id = (select id from me)
            union all
            select theirs.user_id from bookmark mine join bookmark theirs on theirs.session_id = mine.session_id
                and theirs.user_id <> mine.user_id
            where mine.event_id = $EVENT_ID and mine.user_id = (select id from me))
        select count(distinct user_id), count(*) from found"
}
read -r ONE_PEOPLE ONE_ROWS < <(matches attendee0)
read -r MANY_PEOPLE MANY_ROWS < <(matches heavy0)
read -r FEW_PEOPLE FEW_ROWS < <(matches quiet0)

ratio() { echo "$1 / $2" | bc -l | xargs printf '%.4f'; }
echo
echo "large event: 400 sessions; $ATTENDEES opted-in attendees with 10 interests (skew ${SUGGESTIONS_SKEW:-0.8}) and 10 bookmarks each"
printf '%-30s %10s %9s %9s %14s\n' case "req/s" "p50 ms" "p99 ms" "vs 304 req/s"
printf '%-30s %10s %9s %9s %14s\n' "GET /schedule 304 (ref)" "$REF" "$REF_P50" "$REF_P99" "1.0000"
printf '%-30s %10s %9s %9s %14s\n' "GET /me/suggestions?limit=20" "$SUG" "$SUG_P50" "$SUG_P99" "$(ratio "$SUG" "$REF")"
echo "SQL statements per GET /me/suggestions (plus the schedule-version check, at most once a second per replica;"
echo "the statements are listed in $BENCH_OUT/statements-{one,many,few}.txt):"
printf '  %-46s %3s statements (%s people share something, %s rows joined)\n' \
    "attendee0 (10 bookmarks, 10 interests)" "$Q_ONE" "$ONE_PEOPLE" "$ONE_ROWS" \
    "heavy0 (50 bookmarks, 10 most popular interests)" "$Q_MANY" "$MANY_PEOPLE" "$MANY_ROWS" \
    "quiet0 (no bookmarks, 1 interest 5 others hold)" "$Q_FEW" "$FEW_PEOPLE" "$FEW_ROWS"
echo "pools: built for $ATTENDEES opted-in attendees in ${BUILD_SECONDS} s by one replica's worker ($POOLS)"
echo "app RSS after the run: ${RSS} MiB"
echo "the ranking statement's plan for attendee0: $BENCH_OUT/suggestions-plan.txt"
echo "targets: suggestions p99 under 50 ms at 64 connections; statements per request independent of the matches"
