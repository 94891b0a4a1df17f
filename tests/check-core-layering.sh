#!/bin/sh
# src/core is storage and parsing: it must build and run without a display.
core=$1
if grep -rnE '#include *[<"](gtk|gdk|adwaita|adw)' "$core"; then
  echo "src/core includes GTK or libadwaita" >&2
  exit 1
fi
exit 0
