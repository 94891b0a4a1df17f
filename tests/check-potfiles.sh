#!/bin/sh
# Fails when a file with translatable strings is missing from po/POTFILES.
top=$1
status=0
for file in $(cd "$top" && grep -rlE '\b(N?_|C_|NC_|g_dngettext)\(' src --include='*.c'); do
  if ! grep -qx "$file" "$top/po/POTFILES"; then
    echo "po/POTFILES lacks $file" >&2
    status=1
  fi
done
for file in $(cd "$top" && grep -l 'translatable="yes"' ui/*.ui data/*.in data/*.in.in 2>/dev/null); do
  if ! grep -qx "$file" "$top/po/POTFILES"; then
    echo "po/POTFILES lacks $file" >&2
    status=1
  fi
done
for file in $(cat "$top/po/POTFILES"); do
  if [ ! -f "$top/$file" ]; then
    echo "po/POTFILES lists $file, which does not exist" >&2
    status=1
  fi
done
exit $status
