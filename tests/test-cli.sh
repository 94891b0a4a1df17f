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
