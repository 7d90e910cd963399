#!/usr/bin/env bash
# Contact exchange redeems: 2,000 attendees with real signed tokens issue exchange codes, then wrk redeems
# distinct codes at 64 connections; in the same run pgbench does the equivalent raw SQL (the claiming
# UPDATE and the connection INSERTs) against the same database. Usage: ./mvnw package -DskipTests && bench/exchange.sh
# Tunables: ATTENDEES (2000), CODES_PER_ATTENDEE (150, extra codes so neither the warm-up nor the measured run
# runs dry), BENCH_WRK_OPTS (default "-t2 -c64 -d20s"), WARMUP_SECONDS (150), PGBENCH_TX (transactions per
# pgbench client, 600).
source "$(dirname "$0")/lib/common.sh"
bench_require wrk pgbench curl psql
ATTENDEES=${ATTENDEES:-2000}
CODES_PER_ATTENDEE=${CODES_PER_ATTENDEE:-150}
PGBENCH_TX=${PGBENCH_TX:-600}
PGBENCH_CODES=$((PGBENCH_TX * 64 / ATTENDEES + 1))
# Pairs stay distinct only while every code's offset (k + 1) stays below half the attendees.
[ $((2 * (CODES_PER_ATTENDEE + PGBENCH_CODES))) -lt "$ATTENDEES" ] || {
    echo "too few attendees for $CODES_PER_ATTENDEE + $PGBENCH_CODES codes each" >&2; exit 1; }
DB=hallway_bench_exchange
WORK="$BENCH_OUT/exchange"
mkdir -p "$WORK"

bench_pg_start
bench_db_create $DB
# Limits far above what the bench sends: the point is the redeem path, not the 429.
bench_app_start $DB -Dhallway.exchange.redeems-per-minute=100000000 -Dhallway.exchange.issues-per-minute=100000000 \
    -Dhallway.exchange.token-key=bench-only-exchange-token-key-0123456789abcdef

bench_mint organizer org 1 "$WORK/organizer.txt"
bench_mint attendee att "$ATTENDEES" "$WORK/bearers.txt"
ORGANIZER=$(cat "$WORK/organizer.txt")
SLUG=bench-exchange
TODAY=$(date -u +%F)
curl -fsS -o /dev/null -H "Authorization: Bearer $ORGANIZER" -H 'Content-Type: application/json' \
    -d "{\"slug\":\"$SLUG\",\"name\":\"Exchange bench\",\"timeZone\":\"UTC\",\"startDate\":\"$TODAY\",\"endDate\":\"$TODAY\",\"published\":true}" \
    "$BENCH_URL/api/admin/events"
curl -fsS -o /dev/null -X PUT -H "Authorization: Bearer $ORGANIZER" -H 'Content-Type: application/json' \
    -d '{"exchangeEnabled":true,"retentionDays":30,"tokenLifetimeSeconds":3600,"version":0}' \
    "$BENCH_URL/api/admin/events/$SLUG/settings"

echo "issuing codes for $ATTENDEES attendees through the API ..."
issue_one() {
    local bearer=$1 name=$2
    curl -fsS -o /dev/null -X PUT -H "Authorization: Bearer $bearer" -H 'Content-Type: application/json' \
        -d "{\"displayName\":\"$name\",\"company\":\"Bench\",\"email\":\"$name@bench.example\",\"visibility\":{\"email\":\"connections\"}}" \
        "$BENCH_URL/api/events/$SLUG/me/profile"
    local code
    code=$(curl -fsS -X POST -H "Authorization: Bearer $bearer" "$BENCH_URL/api/events/$SLUG/me/exchange-tokens" \
        | sed -E 's/.*"token":"([^"]+)".*/\1/')
    printf '%s\t%s\n' "$name" "$code"
}
export -f issue_one
export BENCH_URL SLUG
awk '{print $0 " att" NR-1}' "$WORK/bearers.txt" | xargs -P 8 -n 2 bash -c 'issue_one "$0" "$1"' > "$WORK/issued.tsv"
ISSUED=$(wc -l < "$WORK/issued.tsv")
[ "$ISSUED" -eq "$ATTENDEES" ] || { echo "only $ISSUED of $ATTENDEES codes issued" >&2; exit 1; }

# More codes than one per attendee, so neither wrk nor pgbench runs out: made in SQL like the app makes
# them (only the SHA-256 kept). Code k of owner o goes to scanner (o + 1 + k) mod N: every pair distinct,
# wrk's pairs (k < CODES) and pgbench's (k >= CODES) never meet.
psql -d $DB -qc "create table bench_issued (name text, code text)" -c "\\copy bench_issued from '$WORK/issued.tsv'"
psql -d $DB -qv ON_ERROR_STOP=1 -v n="$ATTENDEES" -v codes="$CODES_PER_ATTENDEE" -v pgcodes="$PGBENCH_CODES" <<'SQL'
create table bench_attendee as
select substr(u.subject, 4)::int as i, u.id as user_id from app_user u where u.subject like 'att%';
create unique index on bench_attendee (i);
create table bench_wrk_codes as
select (select a.i from bench_attendee a where a.user_id = t.owner_id) as owner_i, i.code, 0 as k
from bench_issued i join exchange_token t on t.hash = sha256(convert_to(i.code, 'UTF8'));
insert into bench_wrk_codes
select a.i, substr(translate(encode(sha256(convert_to(random()::text || a.i || k, 'UTF8')), 'base64'), '+/=', '-_'), 1, 43), k
from bench_attendee a, generate_series(1, :codes - 1) k;
insert into exchange_token (hash, nonce, event_id, owner_id, expires_at)
select sha256(convert_to(c.code, 'UTF8')), decode(md5(c.code), 'hex'), e.id, a.user_id, now() + interval '1 hour'
from bench_wrk_codes c join bench_attendee a on a.i = c.owner_i, event e where e.slug = 'bench-exchange' and c.k > 0;
create table bench_codes (n bigint primary key, hash bytea, owner_id bigint, scanner_id bigint);
insert into bench_codes
select row_number() over (order by k, a.i), sha256(convert_to('pg' || a.i || '-' || k, 'UTF8')), a.user_id,
       (select s.user_id from bench_attendee s where s.i = (a.i + 1 + k) % :n)
from bench_attendee a, generate_series(:codes, :codes + :pgcodes - 1) k;
insert into exchange_token (hash, nonce, event_id, owner_id, expires_at)
select b.hash, decode(md5(b.n::text), 'hex'), e.id, b.owner_id, now() + interval '1 hour' from bench_codes b, event e
where e.slug = 'bench-exchange';
create sequence bench_seq;
analyze;
SQL
psql -d $DB -qc "\\copy (select (owner_i + 1 + k) % $ATTENDEES, code from bench_wrk_codes order by k, owner_i) to '$WORK/codes.tsv'"
EVENT_ID=$(psql -d $DB -tAc "select id from event where slug = '$SLUG'")
CODES=$(wc -l < "$WORK/codes.tsv")

THREADS=2
WRK_OPTS=${BENCH_WRK_OPTS:--t$THREADS -c64 -d20s}
THREADS=$(echo "$WRK_OPTS" | sed -E 's/.*-t ?([0-9]+).*/\1/')
# The JIT compiles the redeem path during the warm-up, not during the measurement: pgbench needs none. On 2
# shared cores it takes about two and a half minutes of redeems before it stops compiling (jstat -compiler);
# with 30 s the app spent 3.4 ms of CPU per redeem, with 150 s 2 ms.
echo "warming up the app (JIT) with ${WARMUP_SECONDS:=150} s of redeems from the other end of the codes ..."
wrk -t"$THREADS" -c64 -d"${WARMUP_SECONDS}s" -s "$BENCH_ROOT/exchange/redeem.lua" "$BENCH_URL/api/events/$SLUG/connections" \
    -- "$WORK" "$THREADS" warmup >/dev/null
WARMUP_CONNECTIONS=$(psql -d $DB -tAc "select count(*) from connection")

echo "wrk: redeeming up to $CODES distinct codes ..."
PG_PIDS=$(bench_pg_pids)
APP_CPU_BEFORE=$(bench_cpu_ms "$BENCH_APP_PID")
PG_CPU_BEFORE=$(bench_cpu_ms $PG_PIDS)
BUSY_BEFORE=$(bench_machine_busy_ms)
WRK_OUT=$(wrk --latency $WRK_OPTS -s "$BENCH_ROOT/exchange/redeem.lua" "$BENCH_URL/api/events/$SLUG/connections" \
    -- "$WORK" "$THREADS")
echo "$WRK_OUT" > "$BENCH_OUT/wrk-exchange.txt"
APP_RPS=$(echo "$WRK_OUT" | awk '/Requests\/sec/ {print $2}')
APP_P99=$(bench_ms "$(echo "$WRK_OUT" | awk '$1 == "99%" {print $2}')")
APP_REQUESTS=$(echo "$WRK_OUT" | awk '/requests in/ {print $1}')
APP_ERRORS=$(echo "$WRK_OUT" | awk '/Non-2xx/ {print $NF}')
APP_CPU=$(( $(bench_cpu_ms "$BENCH_APP_PID") - APP_CPU_BEFORE ))
PG_CPU=$(( $(bench_cpu_ms $PG_PIDS) - PG_CPU_BEFORE ))
APP_BUSY=$(( $(bench_machine_busy_ms) - BUSY_BEFORE ))
CONNECTIONS=$(( $(psql -d $DB -tAc "select count(*) from connection") - WARMUP_CONNECTIONS ))
RSS=$(bench_rss "$BENCH_APP_PID")
bench_app_stop

echo "pgbench: the same statements, 64 clients ..."
BUSY_BEFORE=$(bench_machine_busy_ms)
(cd "$WORK" && rm -f pgbench_log.* && pgbench -n -c 64 -j 2 -t "$PGBENCH_TX" -l -D event="$EVENT_ID" \
    -f "$BENCH_ROOT/exchange/redeem.pgbench" $DB > "$WORK/pgbench.txt" 2>&1) || { cat "$WORK/pgbench.txt"; exit 1; }
PG_BUSY=$(( $(bench_machine_busy_ms) - BUSY_BEFORE ))
PG_TPS=$(awk '/^tps/ {print $3}' "$WORK/pgbench.txt")
PG_TX=$(awk '/number of transactions actually processed/ {split($NF, a, "/"); print a[1]}' "$WORK/pgbench.txt")
# Per-transaction log: the third column is the latency in microseconds.
PG_P99=$(cat "$WORK"/pgbench_log.* | awk '{print $3}' | sort -n | awk '{a[NR] = $1} END {printf "%.3f", a[int(NR * 0.99)] / 1000}')
PG_FAILED=$(psql -d $DB -tAc "select count(*) from bench_codes b join exchange_token t on t.hash = b.hash where t.redeemed_at is null and b.n <= (select last_value from bench_seq)")

echo
echo "exchange redeem, 64 connections, $ATTENDEES attendees, app RSS ${RSS} MiB"
echo "app: $APP_REQUESTS redeems, non-2xx: ${APP_ERRORS:-0}, connections made: $CONNECTIONS"
echo "pgbench: unredeemed codes among those it drew: $PG_FAILED"
printf 'CPU per app redeem: app %.2f ms, PostgreSQL %.2f ms, whole machine %.2f ms; per pgbench redeem, whole machine %.2f ms\n' \
    "$(echo "$APP_CPU / $APP_REQUESTS" | bc -l)" "$(echo "$PG_CPU / $APP_REQUESTS" | bc -l)" \
    "$(echo "$APP_BUSY / $APP_REQUESTS" | bc -l)" "$(echo "$PG_BUSY / $PG_TX" | bc -l)"
printf '%-8s %12s %10s\n' "" "redeems/s" "p99 ms"
printf '%-8s %12.0f %10s\n' app "$APP_RPS" "$APP_P99"
printf '%-8s %12.0f %10s\n' pgbench "$PG_TPS" "$PG_P99"
printf 'app/pgbench: %.2f (target >= 0.50)\n' "$(echo "$APP_RPS / $PG_TPS" | bc -l)"
