#!/usr/bin/env bash
# Adds an EF Core migration to MootaDesk.Core. dotnet-ef cannot start a self-contained app, so the design-time
# build is framework-dependent and rolls forward to whatever .NET runtime the machine has.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 1 ] || { echo "usage: scripts/add-migration.sh Name" >&2; exit 2; }
dotnet tool restore >/dev/null
SelfContained=false DOTNET_ROLL_FORWARD=Major dotnet ef migrations add "$1" --project src/MootaDesk.Core --output-dir Data/Migrations
rm -f src/MootaDesk.Core/design-time.db*
