#!/usr/bin/env bash
# Issue 14: the single-instance webhook benchmark (bench/MootaDesk.Bench) on SQLite and on PostgreSQL in alternating
# windows of one run; PostgreSQL's p99 must stay within 2× SQLite's.
#   bench/postgres/webhook-providers.sh [--port 5452] [benchmark options: --seconds 60 --rate 300 --rounds 6 …]
# Starts a throwaway cluster (the benchmark creates and drops its databases there), keeps the benchmark's temporary files
# in this run's folder, and removes both on exit, failure or Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/../.."
port=5452
if [ "${1:-}" = --port ]; then port=$2; shift 2; fi
. bench/postgres/throwaway.sh
mkdir -p /tmp/scale-bench
work=$(mktemp -d /tmp/scale-bench/webhook-providers.XXXXXX)
trap 'pg_throwaway_stop; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM
dotnet build -c Release bench/MootaDesk.Bench -v q -nologo -clp:ErrorsOnly
pg_throwaway_start "$port" "$work"
TMPDIR="$work" dotnet bench/MootaDesk.Bench/bin/Release/net10.0/MootaDesk.Bench.dll --provider both --connection "$PG_URL" "$@"
