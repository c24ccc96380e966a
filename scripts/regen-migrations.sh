#!/usr/bin/env bash
# Until the first production release the schema is one "Initial" migration per provider, regenerated from the model.
# Run this after changing any entity or its configuration; commit the result. (After the first release: add
# migrations with `dotnet ef migrations add <Name>` instead, and delete this script.)
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for p in Sqlite PostgreSql; do
  rm -rf "src/Saphan.Migrations.$p/Migrations"
  dotnet ef migrations add Initial --project "src/Saphan.Migrations.$p" --startup-project "src/Saphan.Migrations.$p" --output-dir Migrations >/dev/null
  echo "regenerated src/Saphan.Migrations.$p/Migrations"
done
