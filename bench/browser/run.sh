#!/usr/bin/env bash
# Issue 13: Mutasi in the browser on a seeded SQLite store (bench/MootaDesk.Bench.Browser).
#   bench/browser/run.sh [--mutations 1000000 | --db SEEDED.db] [--iterations 20] [--users 50] [--seconds 120] [--interval 2] [--port 5160]
# Publishes the app (Release) into a folder of its own, builds the benchmark and runs it with these options; the benchmark
# seeds (or copies) the store, starts the app in Production, drives Debian's Chromium, and removes its app, browser and
# folder at the end, on failure and on Ctrl-C; this script removes the published app.
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p /tmp/scale-bench
publish=$(mktemp -d /tmp/scale-bench/browser-app.XXXXXX)
trap 'rm -rf "$publish"' EXIT
trap 'exit 130' INT TERM
dotnet publish src/MootaDesk.Web -c Release -o "$publish" -v q -nologo -clp:ErrorsOnly
dotnet build -c Release bench/MootaDesk.Bench.Browser -v q -nologo -clp:ErrorsOnly
dotnet bench/MootaDesk.Bench.Browser/bin/Release/net10.0/MootaDesk.Bench.Browser.dll --app "$publish" "$@"
