#!/usr/bin/env bash
# Stops the local stand-in started by up.sh: each replica with SIGTERM (all at once; each drains as a pod
# does, and is killed if it outlives the grace period), then nginx. The database stays.
source "$(dirname "$0")/stand-in.sh"

stopping=()
for n in $(seq 1 "$LOCAL_REPLICAS"); do
    if local_alive "$n"; then
        (echo "replica $n stopped in $(local_replica_stop "$n") s") &
        stopping+=($!)
    else
        rm -f "$LOCAL_RUN/replica-$n.pid"
    fi
done
for pid in "${stopping[@]}"; do wait "$pid"; done
local_nginx_stop
echo "stopped"
