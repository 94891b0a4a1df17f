#!/bin/sh
# A translation must be complete against the sources as they are now:
# the template is made afresh from po/POTFILES and merged into the
# translation, and no message may be untranslated or fuzzy.
# Usage: check-translation.sh SOURCE-DIR LANGUAGE
top=$1
language=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cd "$top" || exit 1
xgettext --from-code=UTF-8 --add-comments=Translators --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
  --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 -f po/POTFILES -o "$work/gawah.pot" || exit 1
msgmerge --quiet --no-fuzzy-matching "po/$language.po" "$work/gawah.pot" -o "$work/merged.po" || exit 1
stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$work/merged.po" 2>&1) || { echo "$stats" >&2; exit 1; }
echo "po/$language.po: $stats"
case "$stats" in
  *untranslated*|*fuzzy*)
    msgattrib --untranslated "$work/merged.po" | grep '^msgid' | head -n 20 >&2
    exit 1 ;;
esac
exit 0
