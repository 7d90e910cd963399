#!/usr/bin/env bash
# The local stand-in for the cluster: LOCAL_REPLICAS (3) replicas of the packaged jar, started at once as a
# rolling update or a first deployment starts pods (each runs Flyway at start: one migrates, the others wait
# for its lock), on the machine's PostgreSQL (database LOCAL_DB, kept between runs), behind nginx on LOCAL_PORT.
# Waits until every replica is ready, then prints the URL. Usage: ./mvnw package -DskipTests && deploy/local/up.sh
# Stop it with deploy/local/down.sh. Tokens: bench/lib/MintTokens.java with the key pair in bench/out/keys
# (bench_mint in bench/lib/common.sh), issuer https://bench.hallway.invalid/realms/hallway.
source "$(dirname "$0")/stand-in.sh"
bench_require curl psql nginx bc

for n in $(seq 1 "$LOCAL_REPLICAS"); do
    if local_alive "$n"; then echo "replica $n is running already (pid $(local_pid "$n")): deploy/local/down.sh first" >&2; exit 1; fi
done
bench_pg_start
psql -d postgres -tAc "select 1 from pg_database where datname = '$LOCAL_DB'" | grep -q 1 \
    || psql -d postgres -qc "create database $LOCAL_DB"

started=$(date +%s.%N)
for n in $(seq 1 "$LOCAL_REPLICAS"); do
    local_replica_start "$n"
done
for n in $(seq 1 "$LOCAL_REPLICAS"); do
    local_replica_await_ready "$n" || { "$(dirname "$0")/down.sh"; exit 1; }
done
local_nginx_start
echo "$LOCAL_REPLICAS replicas ready in $(echo "$(date +%s.%N) - $started" | bc -l | xargs printf '%.1f') s (database $LOCAL_DB):"
for n in $(seq 1 "$LOCAL_REPLICAS"); do
    echo "  replica $n: pid $(local_pid "$n"), http://127.0.0.1:$(local_http_port "$n"), management http://127.0.0.1:$(local_management_port "$n"), log $LOCAL_RUN/replica-$n.log"
done
echo "Hallway at $LOCAL_URL (nginx)"
