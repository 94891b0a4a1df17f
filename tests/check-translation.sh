#!/bin/sh
# A translation must be complete: no untranslated and no fuzzy messages.
po=$1
stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$po" 2>&1) || { echo "$stats" >&2; exit 1; }
echo "$stats"
case "$stats" in
  *untranslated*|*fuzzy*) exit 1 ;;
esac
exit 0
