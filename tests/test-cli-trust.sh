#!/usr/bin/env bash
# gawah-cli's history, verify, backup, restore and rekey, speaking TAP.
# Usage: test-cli-trust.sh PATH-TO-gawah-cli SOURCE-DIR
set -u

cli=$1
source_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
casebook=$work/cases.gawah
backups=$work/backups
passfile=$work/passphrase
printf 'correct horse\n' > "$passfile"
unset GAWAH_PASSPHRASE GAWAH_NEW_PASSPHRASE

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

"$cli" create "${pf[@]}" "$casebook" >/dev/null
id=$("$cli" add-incident "${pf[@]}" --actor "Clerk One" "$casebook" --title "Kohistan-raid-marker" \
  --act arbitrary-arrest --victim "Test Lawyer" --victim-category lawyer | cut -f1)
expect "a decision with another actor" 0 "" "$cli" decide "${pf[@]}" --actor "Reviewer Two" "$casebook" "$id" const-10 --reject --note "Released"
expect "history names who created the incident" 0 "Clerk One	insert	incident" "$cli" history "${pf[@]}" "$casebook" "$id"
expect "history shows the decision before → after" 0 "decision: pending → rejected" "$cli" history "${pf[@]}" "$casebook" "$id"
expect "history names the reviewer" 0 "Reviewer Two	update	provision_mapping" "$cli" history "${pf[@]}" "$casebook" "$id"
expect "verify a casebook" 0 "unbroken" "$cli" verify "${pf[@]}" "$casebook"

backup=$("$cli" backup "${pf[@]}" --dir "$backups" "$casebook")
if [ -f "$backup" ]; then ok "backup writes a file"; else not_ok "backup writes a file ($backup)"; fi
if grep -q "Kohistan-raid-marker" "$backup"; then not_ok "the backup holds no plaintext"; else ok "the backup holds no plaintext"; fi
expect "backup --list" 0 "cases.backup-" "$cli" backup --list --dir "$backups" "$casebook"
expect "verify a backup" 0 "Database and search indexes: no problems" "$cli" verify "${pf[@]}" "$backup"
expect "verify a backup's audit trail" 0 "unbroken" "$cli" verify "${pf[@]}" "$backup"
expect "verify a backup with a wrong passphrase" 3 "Wrong passphrase" env GAWAH_PASSPHRASE=wrong "$cli" verify "$backup"
sleep 0.01
"$cli" backup "${pf[@]}" --dir "$backups" "$casebook" >/dev/null
sleep 0.01
"$cli" backup "${pf[@]}" --dir "$backups" --keep 2 "$casebook" >/dev/null
expect "backup --keep prunes" 0 "" test "$(ls "$backups" | wc -l)" -eq 2

"$cli" add-incident "${pf[@]}" "$casebook" --title "Written after the backups" >/dev/null
newest=$("$cli" backup --list --dir "$backups" "$casebook" | head -1 | cut -f2)
expect "verify against a backup" 0 "still holds entry" "$cli" verify "${pf[@]}" --against "$newest" "$casebook"
expect "restore with a wrong passphrase" 3 "Wrong passphrase" env GAWAH_PASSPHRASE=wrong "$cli" restore --dir "$work/safety" "$newest" "$casebook"
expect "restore" 0 "kept in .*safety" "$cli" restore "${pf[@]}" --dir "$work/safety" "$newest" "$casebook"
expect "the restored casebook lacks the later incident" 1 "" sh -c "'$cli' list --passphrase-file '$passfile' '$casebook' | grep -q 'Written after'"
expect "the state before the restore was backed up" 0 "Written after" sh -c "'$cli' list --passphrase-file '$passfile' '$work'/safety/*.gawah"

# Someone with the key drops the guard and rewrites an entry.
sqlcipher "$casebook" "PRAGMA key = 'correct horse';" "DROP TRIGGER audit_log_no_update;" \
  "UPDATE audit_log SET actor = 'Nobody' WHERE id = 2;" >/dev/null
expect "verify finds a changed entry" 6 "broken at entry 2" "$cli" verify "${pf[@]}" "$casebook"
expect "check still passes (the database is sound)" 0 "No problems" "$cli" check "${pf[@]}" "$casebook"

expect "rekey" 0 "was changed" env GAWAH_NEW_PASSPHRASE="new lantern" "$cli" rekey "${pf[@]}" "$casebook"
expect "the old passphrase fails after rekey" 3 "Wrong passphrase" "$cli" list "${pf[@]}" "$casebook"
expect "the new passphrase opens it" 0 "Kohistan-raid-marker" env GAWAH_PASSPHRASE="new lantern" "$cli" list "$casebook"
expect "rekey refuses an empty passphrase" 5 "needs a passphrase" env GAWAH_PASSPHRASE="new lantern" GAWAH_NEW_PASSPHRASE= "$cli" rekey "$casebook"

echo "1..$count"
[ "$failures" -eq 0 ]
