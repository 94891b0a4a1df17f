#!/usr/bin/env bash
# gawah-cli as scripts use it, speaking TAP.
# Usage: test-cli.sh PATH-TO-gawah-cli SOURCE-DIR
set -u

cli=$1
source_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
casebook=$work/cases.gawah
passfile=$work/passphrase
printf 'correct horse\n' > "$passfile"
unset GAWAH_PASSPHRASE

count=0
failures=0
ok() { count=$((count + 1)); echo "ok $count - $1"; }
not_ok() { count=$((count + 1)); failures=$((failures + 1)); echo "not ok $count - $1"; }

# expect NAME STATUS PATTERN COMMAND...: the exit status, and a pattern the output must contain.
expect() {
  local name=$1 want_status=$2 pattern=$3; shift 3
  local output status
  output=$("$@" 2>&1 </dev/null); status=$?
  if [ "$status" -eq "$want_status" ] && { [ -z "$pattern" ] || printf '%s' "$output" | grep -qE -- "$pattern"; }; then
    ok "$name"
  else
    not_ok "$name (status $status, wanted $want_status; output: $(printf '%s' "$output" | head -c 300))"
  fi
}

pf=(--passphrase-file "$passfile")

expect "help lists commands and exit codes" 0 "4 record not found" "$cli" --help
expect "no command is a usage error" 2 "Usage" "$cli"
expect "unknown command" 2 "unknown command" "$cli" frobnicate
expect "create needs its argument" 2 "Missing arguments" "$cli" create
expect "no passphrase and no terminal" 5 "No passphrase" "$cli" create "$casebook"
expect "create" 0 "Created" "$cli" create "${pf[@]}" "$casebook"
expect "create refuses an existing file" 5 "already exists" "$cli" create "${pf[@]}" "$casebook"
expect "import the sample" 0 "Imported 12 incidents" "$cli" import "${pf[@]}" "$casebook" "$source_dir/data/samples/sample-casebook.xml"
expect "list" 0 "Idris Khattak" "$cli" list "${pf[@]}" "$casebook"

# Gawah XML: export, merge back, conflicts, hostile documents.
schema=$source_dir/data/schemas/casebook.rng
expect "export writes Gawah XML with a progress line" 0 "Exported 12 of 12 incidents" \
  "$cli" export "${pf[@]}" "$casebook" "$work/all.xml"
expect "the export is valid Gawah XML" 0 "validates" xmllint --noout --relaxng "$schema" "$work/all.xml"
expect "importing an export again changes nothing" 0 "records already here and identical: [1-9]" \
  "$cli" import "${pf[@]}" "$casebook" "$work/all.xml"
expect "export takes the list's filters" 0 "Exported [0-9]+ of [0-9]+ incidents" \
  "$cli" export "${pf[@]}" "$casebook" "$work/punjab.xml" --province pk-pb
if [ "$(grep -c '<incident ' "$work/punjab.xml")" -lt "$(grep -c '<incident ' "$work/all.xml")" ]; then
  ok "a filtered export holds fewer incidents"; else not_ok "a filtered export holds fewer incidents"; fi
expect "redacted export" 0 "" "$cli" export "${pf[@]}" "$casebook" "$work/redacted.xml" --redact
if grep -q '<redaction>' "$work/redacted.xml" && ! grep -q 'Idris Khattak' "$work/redacted.xml"; then
  ok "a redacted export lists its rules and hides victims' names"; else not_ok "a redacted export lists its rules and hides victims' names"; fi
sed '0,/<title>[^<]*</s//<title>Changed in another office</' "$work/all.xml" > "$work/changed.xml"
expect "a record changed on both sides is a conflict (exit 7)" 7 "title is .* here and “Changed in another office” in the document" \
  "$cli" import "${pf[@]}" "$casebook" "$work/changed.xml"
expect "a conflict leaves the casebook's title" 0 "Idris Khattak" "$cli" list "${pf[@]}" "$casebook"
expect "import refuses an external entity, naming the line" 5 "external-entity-file.xml, line 2: documents with a DOCTYPE" \
  "$cli" import "${pf[@]}" "$casebook" "$source_dir/tests/data/hostile-xml/external-entity-file.xml"
expect "import refuses an unknown code, naming the line" 5 "unknown-code.xml, line 11: Type of act" \
  "$cli" import "${pf[@]}" "$casebook" "$source_dir/tests/data/hostile-xml/unknown-code.xml"
expect "wrong passphrase" 3 "Wrong passphrase" env GAWAH_PASSPHRASE=wrong "$cli" list "$casebook"
expect "passphrase from the environment" 0 "Khattak" env GAWAH_PASSPHRASE="correct horse" "$cli" list "$casebook"
expect "missing casebook" 4 "No casebook" "$cli" list "${pf[@]}" "$work/none.gawah"
expect "search in English" 0 "Khattak" "$cli" search "${pf[@]}" "$casebook" khattak
expect "search in Urdu" 0 "Khattak" "$cli" search "${pf[@]}" "$casebook" ادریس
expect "show by number" 0 "Provisions engaged" "$cli" show "${pf[@]}" "$casebook" 1
expect "show unknown incident" 4 "no incident has the id “999”" "$cli" show "${pf[@]}" "$casebook" 999

before=$("$cli" list "${pf[@]}" "$casebook" | wc -l)
expect "unknown act type is refused" 5 "Type of act: “beating”" \
  "$cli" add-incident "${pf[@]}" "$casebook" --title "Test" --act beating --victim "Someone"
expect "impossible date is refused" 5 "Start date: 2019-02-30" \
  "$cli" add-incident "${pf[@]}" "$casebook" --title "Test" --start 2019-02-30
expect "empty title is refused" 5 "Title: must not be empty" \
  "$cli" add-incident "${pf[@]}" "$casebook" --title "  "
expect "--victim before --act is a usage error" 2 "must follow --act" \
  "$cli" add-incident "${pf[@]}" "$casebook" --title "Test" --victim "Someone"
after=$("$cli" list "${pf[@]}" "$casebook" | wc -l)
if [ "$before" -eq "$after" ]; then ok "refused input wrote nothing"; else not_ok "refused input wrote nothing ($before → $after)"; fi

added=$("$cli" add-incident "${pf[@]}" "$casebook" --title "Arrest of a woman journalist in Quetta" \
  --start 2024-03 --province pk-ba --district quetta --verification likely \
  --act arbitrary-arrest --victim "Test Journalist" --victim-category journalist --victim-category woman-hrd \
  --perpetrator "Police" --perpetrator-type police --law mpo-3 --law peca-20 2>&1)
id=$(printf '%s' "$added" | cut -f1)
if [[ "$id" =~ ^[0-9]+$ ]]; then ok "add an incident with an act"; else not_ok "add an incident with an act ($added)"; fi
expect "suggest lists Art. 10 for an arrest" 0 "const-10 .*Safeguards as to arrest" "$cli" suggest "${pf[@]}" "$casebook" "$id"
expect "suggest gives the rule's reason" 0 "because: " "$cli" suggest "${pf[@]}" "$casebook" "$id"
expect "woman HRD brings in CEDAW" 0 "cedaw-" "$cli" suggest "${pf[@]}" "$casebook" "$id"
expect "reject a provision with a note" 0 "" "$cli" decide "${pf[@]}" "$casebook" "$id" const-10 --reject --note "Not detention"
expect "rejection survives re-running suggestions" 0 "const-10 .*rejected" "$cli" suggest "${pf[@]}" "$casebook" "$id"
expect "add a provision no rule suggested" 0 "" "$cli" decide "${pf[@]}" "$casebook" "$id" const-19a --confirm
expect "decide needs exactly one decision" 2 "exactly one" "$cli" decide "${pf[@]}" "$casebook" "$id" const-9
expect "unknown provision" 5 "not in the legal catalogue" "$cli" decide "${pf[@]}" "$casebook" "$id" const-999 --confirm
expect "incidents engaging an article include its clauses" 0 "Quetta" "$cli" engaging "${pf[@]}" "$casebook" const-25
expect "a rejected provision does not engage" 1 "" sh -c "'$cli' engaging --passphrase-file '$passfile' '$casebook' const-10 | grep -q Quetta"
expect "a person's incidents" 0 "Quetta" "$cli" person "${pf[@]}" "$casebook" "Test Journalist"
expect "provisions" 0 "iccpr-9-1" "$cli" provisions --instrument iccpr
expect "vocabulary" 0 "pk-kp" "$cli" vocabulary province
expect "unknown vocabulary" 4 "no vocabulary" "$cli" vocabulary nothing
expect "check" 0 "No problems found" "$cli" check "${pf[@]}" "$casebook"
expect "Urdu labels in Urdu" 0 "جبری گمشدگی" env LANGUAGE=ur LANG=C.UTF-8 "$cli" vocabulary act-type

# Exchange: OpenEvSys (ESF) documents and spreadsheets.
esf=$source_dir/tests/data/esf
csv=$source_dir/tests/data/csv
exchange=$work/exchange.gawah
"$cli" create "${pf[@]}" "$exchange" >/dev/null
report=$("$cli" import-esf "${pf[@]}" "$exchange" "$esf/pakistan-hrd.xml" 2>&1); status=$?
if [ "$status" -eq 0 ] && printf '%s' "$report" | grep -q "events: 3"; then ok "import-esf prints the report"; else not_ok "import-esf prints the report ($status: $report)"; fi
if printf '%s' "$report" | grep -q "114	event E-2021-007	violation_status	020000000000	Unlikely"; then
  ok "import-esf lists unmapped codes with their line"
else
  not_ok "import-esf lists unmapped codes with their line"
fi
if printf '%s' "$report" | grep -q "115	event/custom_case_file_number"; then
  ok "import-esf lists skipped elements with their line"
else
  not_ok "import-esf lists skipped elements with their line"
fi
before=$("$cli" list "${pf[@]}" "$exchange" | wc -l)
expect "import-esf refuses a DOCTYPE, with its line" 5 "broken-doctype.xml, line 3: documents with a DOCTYPE" \
  "$cli" import-esf "${pf[@]}" "$exchange" "$esf/broken-doctype.xml"
expect "import-esf refuses an unknown victim" 4 "line 8: victim “P-99” is not a person record" \
  "$cli" import-esf "${pf[@]}" "$exchange" "$esf/broken-unknown-victim.xml"
expect "import-esf refuses a late bad date" 5 "line 17 \(information F-1\)" \
  "$cli" import-esf "${pf[@]}" "$exchange" "$esf/broken-late-bad-date.xml"
after=$("$cli" list "${pf[@]}" "$exchange" | wc -l)
if [ "$before" -eq "$after" ]; then ok "refused ESF wrote nothing"; else not_ok "refused ESF wrote nothing ($before → $after)"; fi

expect "export-csv needs --what" 2 "--what must be" "$cli" export-csv "${pf[@]}" "$exchange" -o "$work/x.csv"
expect "export-csv needs a known language" 2 "--language must be" \
  "$cli" export-csv "${pf[@]}" "$exchange" --what incidents --language fr -o "$work/x.csv"
expect "export-csv incidents in Urdu" 0 "" \
  "$cli" export-csv "${pf[@]}" "$exchange" --what incidents --language ur -o "$work/incidents.csv"
if head -c 3 "$work/incidents.csv" | od -An -tx1 | grep -q "ef bb bf" && grep -q "مصدقہ" "$work/incidents.csv" \
   && [ "$(grep -c $'\r$' "$work/incidents.csv")" -ge 4 ]; then
  ok "the spreadsheet has a BOM, CRLF and Urdu labels"
else
  not_ok "the spreadsheet has a BOM, CRLF and Urdu labels"
fi
expect "export-csv acts filtered by province" 0 "" \
  "$cli" export-csv "${pf[@]}" "$casebook" --what acts --province pk-pb -o "$work/acts.csv"
if grep -q "Rashid Rehman" "$work/acts.csv" && ! grep -q "Idris Khattak" "$work/acts.csv"; then
  ok "export-csv exports what the filter selects"
else
  not_ok "export-csv exports what the filter selects"
fi
expect "export-csv people and provisions" 0 "" \
  "$cli" export-csv "${pf[@]}" "$casebook" --what provisions -o "$work/provisions.csv"
expect "import-csv --preview shows the mapping" 0 "Headline	→ Title" \
  "$cli" import-csv "$exchange" "$csv/incidents-mixed.csv" --preview --map Headline=title --map From=start_date
expect "import-csv needs a title column" 5 "no column goes to the incident’s title" \
  "$cli" import-csv "${pf[@]}" "$exchange" "$csv/incidents-mixed.csv" --map From=start_date
expect "import-csv refuses an unknown field" 5 "is not an incident field" \
  "$cli" import-csv "${pf[@]}" "$exchange" "$csv/incidents-mixed.csv" --map Headline=headline
before=$("$cli" list "${pf[@]}" "$exchange" | wc -l)
expect "import-csv lists bad rows with their number" 5 "Row 5: Province: “Atlantis”" \
  "$cli" import-csv "${pf[@]}" "$exchange" "$csv/incidents-bad-rows.csv"
expect "import-csv: an unterminated quote names its row" 5 "row 3: a quoted field is not closed" \
  "$cli" import-csv "${pf[@]}" "$exchange" "$csv/unterminated-quote.csv"
after=$("$cli" list "${pf[@]}" "$exchange" | wc -l)
if [ "$before" -eq "$after" ]; then ok "refused CSV wrote nothing"; else not_ok "refused CSV wrote nothing ($before → $after)"; fi
expect "import-csv with a mapping" 0 "Imported 3 incidents" \
  "$cli" import-csv "${pf[@]}" "$exchange" "$csv/incidents-mixed.csv" --map Headline=title --map Details=summary \
  --map From=start_date --map Province=province --map "What happened=act_type" --map Who=victim
expect "an imported Urdu title is searchable" 0 "پشاور" "$cli" search "${pf[@]}" "$exchange" چھاپہ
expect "import-csv takes back its own export" 0 "Imported 3 incidents" \
  "$cli" import-csv "${pf[@]}" "$exchange" "$work/incidents.csv"
# Reports: the PDF's text read back with pdftotext (poppler-utils, required).
export GAWAH_LOCALEDIR=${GAWAH_LOCALEDIR:-}
pdf_text() { pdftotext -enc UTF-8 "$1" - 2>&1; }
# Nastaliq glyphs cascade and overlap, so pdftotext puts spaces inside words.
pdf_text_joined() { pdftotext -enc UTF-8 "$1" - 2>&1 | tr -d ' '; }
expect "report needs --output" 2 "Missing --output" "$cli" report "${pf[@]}" "$casebook" 1
expect "report in a wrong language" 2 "must be en or ur" "$cli" report "${pf[@]}" "$casebook" 1 -o "$work/x.pdf" --language fr
expect "case report (English)" 0 "Writing page" "$cli" report "${pf[@]}" "$casebook" 1 -o "$work/en.pdf"
expect "case report has its sections" 0 "Who Did What to Whom" pdf_text "$work/en.pdf"
expect "case report names the victim" 0 "Idris Khattak" pdf_text "$work/en.pdf"
expect "case report numbers its pages" 0 "Page 1 of" pdf_text "$work/en.pdf"
expect "case report (Urdu)" 0 "" "$cli" report "${pf[@]}" "$casebook" 1 -o "$work/ur.pdf" --language ur
expect "Urdu case report in Urdu" 0 "حقائق" pdf_text_joined "$work/ur.pdf"
expect "Urdu case report embeds Nastaliq" 0 "NotoNastaliqUrdu" pdffonts "$work/ur.pdf"
expect "summary report" 0 "" "$cli" summary-report "${pf[@]}" "$casebook" -o "$work/summary.pdf"
expect "summary report has its charts" 0 "Incidents by Perpetrator Type" pdf_text "$work/summary.pdf"
expect "summary report rejects an unknown code" 5 "province" "$cli" summary-report "${pf[@]}" "$casebook" -o "$work/s.pdf" --province nowhere
expect "filtered summary report" 0 "" "$cli" summary-report "${pf[@]}" "$casebook" -o "$work/punjab.pdf" --province pk-pb
expect "filtered summary names its filter" 0 "Only the incidents that match" pdf_text "$work/punjab.pdf"
expect "UN draft: victims" 0 "Alleged victims" "$cli" un-draft "${pf[@]}" "$casebook" 1
expect "UN draft: remedies" 0 "Domestic remedies tried" "$cli" un-draft "${pf[@]}" "$casebook" 1
expect "UN draft: consent" 0 "informed consent" "$cli" un-draft "${pf[@]}" "$casebook" 1
expect "UN draft in Urdu" 0 "مبینہ متاثرین" "$cli" un-draft "${pf[@]}" "$casebook" 1 --language ur

echo "1..$count"
[ "$failures" -eq 0 ]
