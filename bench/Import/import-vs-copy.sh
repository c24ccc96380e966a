#!/usr/bin/env bash
# The registry import figure: `saphan import` of N rows of a TIS-620 agency CSV into PostgreSQL, against `psql \copy` of
# the same file into a plain table of text columns, in the same run on the same throwaway server.
#   bench/Import/import-vs-copy.sh [ROWS]        (default 1000000; needs the .NET SDK and Debian's postgresql)
# Prints both times, their ratio and the import's peak resident memory (/usr/bin/time -v); also runs 1/5 of the rows to
# show that memory does not grow with the file.
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-1000000}
work=$(mktemp -d -t saphan-import-bench.XXXXXX)
trap 'scripts/pg-stop.sh >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

dotnet build src/Saphan.Cli -c Release -nologo -v q -nodeReuse:false >/dev/null
cli=(dotnet src/Saphan.Cli/bin/Release/net10.0/Saphan.Cli.dll)

# The older-persons register of the synthetic generator: TIS-620, Thai headers, BE dates, names and addresses in one cell.
# About 56 % of the generated people appear in it; generate enough people and keep the first $rows rows.
people=$(( rows * 19 / 10 + 1000 ))
"${cli[@]}" generate --people "$people" --sources 2 --seed 2567 --out "$work/gen" >/dev/null
head -n $(( rows + 1 )) "$work/gen/msdhs_older.csv" > "$work/older.csv"
head -n $(( rows / 5 + 1 )) "$work/gen/msdhs_older.csv" > "$work/older-small.csv"
rm -f "$work/gen/"*.csv
have=$(( $(wc -l < "$work/older.csv") - 1 ))
[ "$have" -eq "$rows" ] || { echo "generated only $have rows" >&2; exit 1; }

cat > "$work/mapping.json" <<'JSON'
{ "source": "older-allowance", "recordId": "เลขที่ทะเบียน", "dateConvention": "thai",
  "columns": { "fullName": "ชื่อ-สกุล", "citizenId": "เลขประจำตัวประชาชน", "sex": "เพศ", "birthDate": "วันเกิด", "address": "ที่อยู่", "phone": "โทรศัพท์" } }
JSON

eval "$(scripts/pg-start.sh)"
psql_=(psql -h 127.0.0.1 -p "$SAPHAN_PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -q)
"${psql_[@]}" -c "CREATE DATABASE bench_copy" -c "CREATE DATABASE bench_import" -c "CREATE DATABASE bench_small"
cs() { echo "${SAPHAN_TEST_POSTGRES/Database=postgres/Database=$1}"; }

# Migrate and register the source first, so that both timings start from a ready database.
for db in bench_import bench_small; do
  "${cli[@]}" source add --code older-allowance --name-th "รายชื่อผู้รับเบี้ยยังชีพผู้สูงอายุ" --owner "สำนักพัฒนาสังคม กรุงเทพมหานคร" \
    --purpose "จ่ายเบี้ยยังชีพผู้สูงอายุ" --basis LegalObligation --basis-note "พ.ร.บ.ผู้สูงอายุ พ.ศ. 2546" --connection "$(cs $db)" >/dev/null
done
"${psql_[@]}" -d bench_copy -c "CREATE TABLE plain (register_no text, full_name text, citizen_id text, sex text, birth_date text, address text, phone text)"

# Each timing starts after a checkpoint, so that neither pays for flushing what the step before it wrote.
"${psql_[@]}" -c CHECKPOINT
start=$(date +%s.%N)
"${psql_[@]}" -d bench_copy -c "\\copy plain FROM '$work/older.csv' WITH (FORMAT csv, HEADER true, ENCODING 'WIN874')"
copy_s=$(echo "$(date +%s.%N) - $start" | bc)
copied=$("${psql_[@]}" -d bench_copy -At -c "SELECT count(*) FROM plain")

run_import() { # $1 database, $2 file, $3 log
  /usr/bin/time -v "${cli[@]}" import --source older-allowance --mapping "$work/mapping.json" --no-link --no-progress \
    --rejects "$work/rejects.csv" --connection "$(cs "$1")" "$2" >"$3.out" 2>"$3.err"
}
"${psql_[@]}" -c CHECKPOINT
start=$(date +%s.%N)
run_import bench_import "$work/older.csv" "$work/big"
import_s=$(echo "$(date +%s.%N) - $start" | bc)
run_import bench_small "$work/older-small.csv" "$work/small"
rss() { awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$1"; }
stored=$("${psql_[@]}" -d bench_import -At -c "SELECT count(*) FROM source_records")

# The floor for any importer that stores what Saphan stores: \copy of the finished source_records rows (raw row as JSON,
# normalised fields, provenance) into an empty table with the same indexes and foreign key.
"${psql_[@]}" -d bench_import -c "\copy (SELECT * FROM source_records) TO '$work/records.csv' WITH (FORMAT csv)" \
  -c "CREATE TABLE floor_records (LIKE source_records INCLUDING ALL)" \
  -c "ALTER TABLE floor_records ADD FOREIGN KEY (\"SourceId\") REFERENCES sources (\"Id\")"
"${psql_[@]}" -c CHECKPOINT
start=$(date +%s.%N)
"${psql_[@]}" -d bench_import -c "\copy floor_records FROM '$work/records.csv' WITH (FORMAT csv)"
floor_s=$(echo "$(date +%s.%N) - $start" | bc)

echo "rows in file:            $rows ($(du -m "$work/older.csv" | cut -f1) MB, TIS-620)"
echo "psql \\copy (plain):      ${copy_s} s  ($copied rows)"
echo "saphan import:           ${import_s} s  ($stored source records; $(grep -o 'read .*' "$work/big.out"))"
echo "ratio import / copy:     $(echo "scale=2; $import_s / $copy_s" | bc)"
echo "inside the import:       $(grep -o 'time: .*' "$work/big.err")"
echo "                         $(grep -o 'gc: .*' "$work/big.err")"
echo "floor: \\copy of the stored records into an empty source_records (same indexes, FK): ${floor_s} s ($(du -m "$work/records.csv" | cut -f1) MB as CSV); import / floor: $(echo "scale=2; $import_s / $floor_s" | bc)"
echo "peak RSS, $rows rows:    $(rss "$work/big.err") MB"
echo "peak RSS, $(( rows / 5 )) rows:     $(rss "$work/small.err") MB"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); PostgreSQL $(psql --version | awk '{print $3}'); $(date -u +%Y-%m-%d)"
