#!/bin/sh
# Installs the build into a temporary DESTDIR and checks that every file the desktop,
# the software centres and the Flatpak manifest rely on is there. Speaks TAP.
# Usage: check-install.sh BUILD-DIR APP-ID VERSION BINDIR DATADIR LOCALEDIR PKGDATADIR
# (the directories are absolute and include the prefix, as meson computes them)
set -u

build=$1 app_id=$2 version=$3 bindir=$4 datadir=$5 localedir=$6 pkgdatadir=$7
dest=$(mktemp -d)
trap 'rm -rf "$dest" "$dest.log"' EXIT

count=0
failures=0
ok() { count=$((count + 1)); echo "ok $count - $1"; }
not_ok() { count=$((count + 1)); failures=$((failures + 1)); echo "not ok $count - $1"; }

# meson test has already built everything: no second ninja from inside a test.
if meson install --no-rebuild --destdir "$dest" -C "$build" >"$dest.log" 2>&1; then
  ok "meson install --destdir"
else
  not_ok "meson install --destdir"
  sed 's/^/# /' "$dest.log"
fi

bin=$dest$bindir
share=$dest$datadir
app_built=false
[ -e "$build/src/app/gawah" ] && app_built=true

installed() {
  if [ -s "$1" ]; then ok "installed ${1#"$dest"}"; else not_ok "installed ${1#"$dest"}"; fi
}

installed "$bin/gawah-cli"
if $app_built; then
  installed "$bin/gawah"
else
  echo "# src/app/gawah is not built yet: bin/gawah is not checked"
fi
desktop=$share/applications/$app_id.desktop
metainfo=$share/metainfo/$app_id.metainfo.xml
installed "$desktop"
installed "$metainfo"
installed "$share/glib-2.0/schemas/$app_id.gschema.xml"
installed "$share/icons/hicolor/scalable/apps/$app_id.svg"
installed "$share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
installed "$dest$localedir/ur/LC_MESSAGES/gawah.mo"
installed "$dest$pkgdatadir/samples/sample-casebook.xml"

# The files name each other: the icon, the program and the launchable must agree.
if grep -qx "Icon=$app_id" "$desktop" 2>/dev/null; then
  ok "the desktop file names the icon $app_id"
else
  not_ok "the desktop file names the icon $app_id"
fi
exec_name=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$desktop" 2>/dev/null)
if ! $app_built; then
  echo "# src/app/gawah is not built yet: Exec=$exec_name is not checked"
elif [ -x "$bin/$exec_name" ]; then
  ok "the desktop file runs the installed bin/$exec_name"
else
  not_ok "the desktop file runs the installed bin/$exec_name"
fi
if grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" 2>/dev/null; then
  ok "the metainfo launches $app_id.desktop"
else
  not_ok "the metainfo launches $app_id.desktop"
fi
if glib-compile-schemas --strict --dry-run "$share/glib-2.0/schemas"; then
  ok "the installed schemas compile"
else
  not_ok "the installed schemas compile"
fi

# The installed command line runs, with the DESTDIR's data in front of the system's.
out=$(XDG_DATA_DIRS="$share:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}" "$bin/gawah-cli" --version 2>&1)
if [ "$out" = "gawah-cli $version" ]; then
  ok "the installed gawah-cli --version says $version"
else
  not_ok "the installed gawah-cli --version says $version (it printed: $out)"
fi

# The installed app starts: it answers --help, and with a display it opens
# its window and keeps running until stopped (timeout's status 124).
if [ "$app_built" = true ]; then
  # A DESTDIR install leaves compiling the schemas to the packager.
  schemas=$(mktemp -d)
  glib-compile-schemas --targetdir="$schemas" "$share/glib-2.0/schemas"
  if GSETTINGS_SCHEMA_DIR="$schemas" "$bin/gawah" --help 2>&1 | grep -q 'gawah'; then
    ok "the installed gawah answers --help"
  else
    not_ok "the installed gawah answers --help"
  fi
  if [ -n "${DISPLAY:-}" ]; then
    GSETTINGS_SCHEMA_DIR="$schemas" GSETTINGS_BACKEND=memory timeout 4 "$bin/gawah" >/dev/null 2>&1
    started=$?
    if [ "$started" -eq 124 ]; then
      ok "the installed gawah starts and runs"
    else
      not_ok "the installed gawah starts and runs (it stopped with status $started)"
    fi
  fi
  rm -rf "$schemas"
fi

echo "1..$count"
[ "$failures" -eq 0 ]
