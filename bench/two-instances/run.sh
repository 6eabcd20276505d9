#!/usr/bin/env bash
# Issue 14: two MootaDesk instances behind one address, one of them killed with kill -9 in the middle of the load.
#
#   bench/two-instances/run.sh [--rate 600] [--seconds 60] [--mutations 5] [--kill-at 30] [--app-ports 5150,5151]
#                              [--nginx-port 8150] [--pg-port 5451] [--app DIR]
#
# Publishes the app (Release; or takes an existing publish folder with --app), starts a throwaway PostgreSQL, two app
# processes (Production, provider PostgreSQL, one store, so one Data Protection key ring) and Debian's nginx with the
# README's two-instance configuration (sticky ip_hash for people, WebSockets; webhooks round-robin and retried on the other
# instance: docs/decisions/031). Then MootaDesk.Bench two-instances-load sends signed Moota deliveries through nginx while
# this script kills the first instance with kill -9 at --kill-at seconds and starts it again; the load waits for the inbox
# to drain and prints answer p50/p99, errors, lost, doubled and deliveries processed twice.
# Everything it starts (nginx with its own config/pid/logs, both apps, the cluster) and its folder under /tmp/scale-bench
# go at the end, on failure and on Ctrl-C. Exit code: the load's (0 = nothing lost, doubled, processed twice or refused).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
rate=600; seconds=60; mutations=5; kill_at=""; ports=5150,5151; nginx_port=8150; pg_port=5451; app=""
while [ $# -gt 0 ]; do
  case $1 in
    --rate) rate=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --mutations) mutations=$2; shift 2 ;;
    --kill-at) kill_at=$2; shift 2 ;;
    --app-ports) ports=$2; shift 2 ;;
    --nginx-port) nginx_port=$2; shift 2 ;;
    --pg-port) pg_port=$2; shift 2 ;;
    --app) app=$2; shift 2 ;;
    *) sed -n '2,16p' "$0" >&2; exit 2 ;;
  esac
done
kill_at=${kill_at:-$((seconds / 2))}
port_a=${ports%,*}; port_b=${ports#*,}

. bench/postgres/throwaway.sh
mkdir -p /tmp/scale-bench
work=$(mktemp -d /tmp/scale-bench/two-instances.XXXXXX)
chmod 755 "$work"   # nginx's workers run as nobody and write their temp files here
declare -A pids=()
cleanup() {
  local status=$?
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  for name in "${!pids[@]}"; do kill -9 "${pids[$name]}" 2>/dev/null || true; done
  [ -n "${load_pid:-}" ] && kill "$load_pid" 2>/dev/null || true
  [ -n "${health_pid:-}" ] && kill "$health_pid" 2>/dev/null || true
  if [ "$status" -ne 0 ]; then
    for name in a b; do
      [ -f "$work/$name.log" ] && { echo "--- last lines of instance $name's log"; tail -n 15 "$work/$name.log"; } >&2
    done
    [ -f "$work/nginx-error.log" ] && { echo "--- nginx errors (first 10)"; head -n 10 "$work/nginx-error.log"; } >&2
  fi
  pg_throwaway_stop
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -z "$app" ]; then
  echo "publishing the app (Release) …"
  dotnet publish src/MootaDesk.Web -c Release -o "$work/app" -v q -nologo -clp:ErrorsOnly
  app="$work/app"
fi
dotnet build -c Release bench/MootaDesk.Bench -v q -nologo -clp:ErrorsOnly
bench="$root/bench/MootaDesk.Bench/bin/Release/net10.0/MootaDesk.Bench.dll"

pg_throwaway_start "$pg_port" "$work"
store="$PG_URL;Database=mootadesk;Keepalive=30;Maximum Pool Size=60"
secret=bench-secret-0123456789

start_instance() { # name port
  local name=$1 port=$2
  ( cd "$app" && exec env ASPNETCORE_ENVIRONMENT=Production \
      MootaDesk__Database__Provider=PostgreSQL ConnectionStrings__MootaDesk="$store" \
      MootaDesk__Moota__WebhookSecret=$secret MootaDesk__DemoData=false MootaDesk__Moota__Pull__Enabled=false \
      MootaDesk__Proxy__KnownProxies__0=127.0.0.1 MootaDesk__Proof__PublicBaseUrl="http://127.0.0.1:$nginx_port" \
      Logging__LogLevel__Default=Warning Logging__LogLevel__Microsoft.Hosting.Lifetime=Information \
      dotnet "$app/MootaDesk.Web.dll" --urls "http://127.0.0.1:$port" >>"$work/$name.log" 2>&1 ) &
  pids[$name]=$!
}
wait_healthy() { # name port
  for _ in $(seq 1 240); do
    if curl -fs -o /dev/null "http://127.0.0.1:$2/health"; then return 0; fi
    kill -0 "${pids[$1]}" 2>/dev/null || { echo "instance $1 exited during start-up" >&2; return 1; }
    sleep 0.25
  done
  echo "instance $1 did not answer /health within 60 s" >&2; return 1
}

# One after the other: the first creates the database, migrates it and makes the Data Protection key both then use.
start_instance a "$port_a"; wait_healthy a "$port_a"
start_instance b "$port_b"; wait_healthy b "$port_b"
echo "instances: a on $port_a (pid ${pids[a]}), b on $port_b (pid ${pids[b]})"

mkdir -p "$work/nginx-temp"
sed -e "s#@WORK@#$work#g" -e "s#@PORT@#$nginx_port#g" -e "s#@A@#$port_a#g" -e "s#@B@#$port_b#g" \
  bench/two-instances/nginx.conf.template >"$work/nginx.conf"
/usr/sbin/nginx -e "$work/nginx-error.log" -p "$work" -c "$work/nginx.conf" -t -q
/usr/sbin/nginx -e "$work/nginx-error.log" -p "$work" -c "$work/nginx.conf"
echo "nginx $(/usr/sbin/nginx -v 2>&1 | sed 's#.*/##') on 127.0.0.1:$nginx_port (config $work/nginx.conf)"
# The people's side of the configuration answers too (sticky upstream, WebSocket headers): the sign-in page through nginx.
curl -fs -o /dev/null "http://127.0.0.1:$nginx_port/masuk" || curl -fs -o /dev/null "http://127.0.0.1:$nginx_port/penyiapan"

dotnet "$bench" two-instances-load --url "http://127.0.0.1:$nginx_port/api/webhooks/moota" --connection "$store" \
  --rate "$rate" --seconds "$seconds" --mutations "$mutations" --started-file "$work/started" --nginx-log "$work/webhooks.log" &
load_pid=$!
while [ ! -f "$work/started" ]; do
  kill -0 "$load_pid" 2>/dev/null || { wait "$load_pid"; exit $?; }
  sleep 0.1
done
sleep "$kill_at"
kill -9 "${pids[a]}"
wait "${pids[a]}" 2>/dev/null || true   # collected here, so bash does not report the killed job later
echo "$(date -u +%T) killed instance a (kill -9) ${kill_at} s into the load; starting it again"
start_instance a "$port_a"
( wait_healthy a "$port_a" && echo "$(date -u +%T) instance a answers again" ) &
health_pid=$!
set +e
wait "$load_pid"
status=$?
load_pid=
set -e
for name in a b; do
  echo "instance $name's log: $(grep -ciE 'fail|error' "$work/$name.log" || true) error/fail lines"
  grep -iE 'fail|error' "$work/$name.log" | cut -c1-200 | sort | uniq -c | sort -rn | head -n 3 || true
done
exit $status
