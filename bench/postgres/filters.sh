#!/usr/bin/env bash
# Issue 14: every Mutasi filter of bench/MootaDesk.Bench.Mutations on PostgreSQL with N mutations seeded by COPY.
#   bench/postgres/filters.sh [--mutations 10000000] [--port 5450] [--iterations 15]
# Starts a throwaway cluster, seeds it (seed-postgres), runs the filter benchmark against it (first page p95 ≤ 150 ms,
# count p95 ≤ 300 ms; plans of misses printed), and removes the cluster on exit, failure or Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/../.."
mutations=10000000; port=5450; iterations=15
while [ $# -gt 0 ]; do
  case $1 in
    --mutations) mutations=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --iterations) iterations=$2; shift 2 ;;
    *) echo "usage: $0 [--mutations N] [--port P] [--iterations K]" >&2; exit 2 ;;
  esac
done
. bench/postgres/throwaway.sh
mkdir -p /tmp/scale-bench
work=$(mktemp -d /tmp/scale-bench/pg-filters.XXXXXX)
trap 'pg_throwaway_stop; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

dotnet build -c Release bench/MootaDesk.Bench.Mutations -v q -nologo -clp:ErrorsOnly
bench=bench/MootaDesk.Bench.Mutations/bin/Release/net10.0/MootaDesk.Bench.Mutations.dll
pg_throwaway_start "$port" "$work"
db="$PG_URL;Database=mootadesk_filters"
dotnet "$bench" seed-postgres --mutations "$mutations" --connection "$db"
dotnet "$bench" --provider postgresql --connection "$db" --iterations "$iterations"
