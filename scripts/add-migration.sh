#!/usr/bin/env bash
# Adds an EF Core migration to MootaDesk.Core with the repository's dotnet-ef (.config/dotnet-tools.json).
#   scripts/add-migration.sh Name          the main store (MootaDeskDbContext, Platform/Store/Migrations)
#   scripts/add-migration.sh Name inbox    the webhook inbox file (InboxDbContext, Platform/Store/InboxMigrations)
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] && [ $# -le 2 ] || { echo "usage: scripts/add-migration.sh Name [inbox]" >&2; exit 2; }
context=MootaDeskDbContext; dir=Platform/Store/Migrations
if [ "${2:-}" = inbox ]; then context=InboxDbContext; dir=Platform/Store/InboxMigrations; fi
dotnet tool restore >/dev/null
dotnet ef migrations add "$1" --project src/MootaDesk.Core --context "$context" --output-dir "$dir"
# The design-time factory opens a scratch database beside the project; it is not part of the migration.
rm -f src/MootaDesk.Core/design-time*.db*
