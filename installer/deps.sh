#!/bin/sh
# Installs every Debian package Concerto needs to build, test, benchmark and run, skipping
# those already present, and generates the French locale the interface and tests use.
# Runs apt-get through sudo when not root. Used by `make deps` (and so by run/test/bench).
set -eu

PACKAGES="
build-essential cmake pkg-config gettext
libwxgtk3.2-dev libsoci-dev libpq-dev libsqlite3-dev libxlsxwriter-dev
libboost-test-dev libcairo2-dev libpango1.0-dev libstemmer-dev libtoml11-dev libpoppler-glib-dev
libcsv-dev libzip-dev libexpat1-dev clang libclang-rt-14-dev libsecret-1-dev
postgresql postgresql-contrib sqlite3 openssl dbus gnome-keyring
xvfb xauth x11-utils imagemagick poppler-utils python3-openpyxl
locales fonts-dejavu-core
dpkg-dev lintian strace desktop-file-utils appstream
"

missing=""
for package in $PACKAGES; do
    status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
    case "$status" in
        *"install ok installed"*) ;;
        *) missing="$missing $package" ;;
    esac
done

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

if [ -n "$missing" ]; then
    echo "Installation des paquets manquants :$missing"
    as_root apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing
fi

# The French locale, for French dates and numbers in the interface and its tests.
if ! locale -a 2>/dev/null | grep -qi '^fr_FR\.utf-\?8$'; then
    echo "Génération de la locale fr_FR.UTF-8"
    as_root sh -c "sed -i 's/^# *fr_FR.UTF-8 UTF-8/fr_FR.UTF-8 UTF-8/' /etc/locale.gen && (grep -q '^fr_FR.UTF-8 UTF-8' /etc/locale.gen || echo 'fr_FR.UTF-8 UTF-8' >> /etc/locale.gen) && locale-gen fr_FR.UTF-8 >/dev/null"
fi
