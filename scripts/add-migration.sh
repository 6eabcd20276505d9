#!/usr/bin/env bash
# Adds an EF Core migration to both migrations sets (SQLite and PostgreSQL, decision 022), from the same model,
# with the repository's dotnet-ef (.config/dotnet-tools.json).
#   scripts/add-migration.sh Name          the main store (MootaDeskDbContext)
#   scripts/add-migration.sh Name inbox    the webhook inbox (InboxDbContext)
# SQLite's sets live in MootaDesk.Core (Platform/Store/Migrations, Platform/Store/InboxMigrations); PostgreSQL's in
# MootaDesk.PostgreSqlMigrations (same folders). Check both generated files: SQL written by hand (FTS5 on SQLite) has
# no counterpart in the other set unless you write one.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] && [ $# -le 2 ] || { echo "usage: scripts/add-migration.sh Name [inbox]" >&2; exit 2; }
context=MootaDeskDbContext; dir=Platform/Store/Migrations
if [ "${2:-}" = inbox ]; then context=InboxDbContext; dir=Platform/Store/InboxMigrations; fi
dotnet tool restore >/dev/null
dotnet ef migrations add "$1" --project src/MootaDesk.Core --context "$context" --output-dir "$dir"
dotnet ef migrations add "$1" --project src/MootaDesk.PostgreSqlMigrations --context "$context" --output-dir "$dir"
# The design-time factory opens a scratch database beside the project; it is not part of the migration.
rm -f src/MootaDesk.Core/design-time*.db* src/MootaDesk.PostgreSqlMigrations/design-time*.db*
