#!/bin/sh
# The Debian package, as IT would install it: built by cpack from this build folder, unpacked
# into a throwaway root (what `dpkg -i` would write, without touching this machine), then its own
# concerto-cli makes the demo database and the deliverable (PDF read back with pdftotext, workbook
# with openpyxl) while strace watches that no file of the source or build tree is opened.
# The control fields, the desktop entry, the AppStream metadata and lintian are checked too.
#
#   check_deb.sh SOURCE_DIR BUILD_DIR
set -eu

source_dir=$(cd "$1" && pwd)
build_dir=$(cd "$2" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/concerto-deb.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() {
    echo "ÉCHEC : $*" >&2
    exit 1
}

echo "== cpack"
(cd "$build_dir" && cpack -G DEB -B "$work/out" >"$work/cpack.log" 2>&1) || {
    cat "$work/cpack.log" >&2
    fail "cpack n'a pas produit le paquet"
}
deb=$(ls "$work"/out/concerto_*.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || fail "aucun fichier concerto_*.deb dans $work/out"
echo "paquet : $(basename "$deb") ($(du -k "$deb" | cut -f1) Kio)"

echo "== champs de contrôle"
dpkg-deb -f "$deb" Package Version Architecture Depends Section Description >"$work/control"
cat "$work/control"
grep -q '^Package: concerto$' "$work/control" || fail "nom du paquet"
for dependency in libwxgtk3.2 libsoci-core libsoci-postgresql libsoci-sqlite3 libpq5 libxlsxwriter libcairo2 libpango \
    fonts-dejavu-core; do
    grep -q "^Depends:.*$dependency" "$work/control" || fail "dépendance manquante : $dependency"
done

echo "== contenu"
root="$work/root"
dpkg-deb -x "$deb" "$root"
for file in usr/bin/concerto usr/bin/concerto-cli \
    usr/share/locale/fr/LC_MESSAGES/concerto.mo \
    usr/share/applications/fr.concerto.Concerto.desktop \
    usr/share/metainfo/fr.concerto.Concerto.metainfo.xml \
    usr/share/mime/packages/concerto.xml \
    usr/share/icons/hicolor/48x48/apps/fr.concerto.Concerto.png \
    usr/share/icons/hicolor/256x256/apps/fr.concerto.Concerto.png \
    usr/share/icons/hicolor/scalable/apps/fr.concerto.Concerto.svg \
    usr/share/doc/concerto/copyright usr/share/doc/concerto/changelog.gz \
    usr/share/doc/concerto/guide-utilisateur.md \
    usr/share/man/man1/concerto.1.gz usr/share/man/man1/concerto-cli.1.gz \
    usr/share/concerto/report-definitions/livrable-2024.toml; do
    [ -f "$root/$file" ] || fail "absent du paquet : /$file"
done
desktop-file-validate "$root/usr/share/applications/fr.concerto.Concerto.desktop" || fail "entrée de bureau invalide"
appstreamcli validate --no-net "$root/usr/share/metainfo/fr.concerto.Concerto.metainfo.xml" >"$work/appstream.log" 2>&1 || {
    cat "$work/appstream.log" >&2
    fail "métadonnées AppStream invalides"
}
grep -q 'xml:lang="fr"' "$root/usr/share/metainfo/fr.concerto.Concerto.metainfo.xml" || fail "pas de description française"

echo "== le concerto-cli installé produit le livrable"
cli="$root/usr/bin/concerto-cli"
db="$work/home/demo.concerto"
mkdir -p "$work/home"
# Another folder, another HOME, and the installed program only: nothing of the build may help it.
(
    cd "$work/home"
    HOME="$work/home"
    export HOME
    strace -f -qq -e trace=open,openat,execve -o "$work/strace.log" sh -c "
        '$cli' demo --db 'sqlite:$db' --contributions 400 --seed 7 &&
        '$cli' report --db 'sqlite:$db' --definition livrable-2024 --format pdf --out '$work/home/livrable.pdf' &&
        '$cli' report --db 'sqlite:$db' --definition livrable-2024 --format xlsx --out '$work/home/livrable.xlsx'
    " >"$work/run.log" 2>&1
) || {
    cat "$work/run.log" >&2
    fail "le concerto-cli installé a échoué"
}
if grep -E "\"($source_dir|$build_dir)[/\"]" "$work/strace.log" | grep -v ENOENT >"$work/leaks"; then
    if [ -s "$work/leaks" ]; then
        head -n 20 "$work/leaks" >&2
        fail "le programme installé a ouvert des fichiers de l'arbre des sources ou de compilation"
    fi
fi
grep -q "openat(.*\"$work/home/demo.concerto\"" "$work/strace.log" || fail "strace n'a rien vu (la surveillance ne marche pas)"
pdftotext "$work/home/livrable.pdf" "$work/livrable.txt"
grep -q "parlons-en" "$work/livrable.txt" || fail "le PDF ne contient pas le titre du livrable"
grep -q "Bilan de mi-mandat 2023" "$work/livrable.txt" || fail "le PDF ne nomme pas la consultation"
/usr/bin/python3 - "$work/home/livrable.xlsx" <<'EOF' || fail "le classeur ne se relit pas"
import sys
import openpyxl
book = openpyxl.load_workbook(sys.argv[1], read_only=True)
cells = [str(cell) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for cell in row if cell is not None]
assert len(book.worksheets) >= 1, "no sheet"
assert any("Bilan de mi-mandat 2023" in cell or "parlons-en" in cell for cell in cells), "title missing"
print(f"classeur : {len(book.worksheets)} feuilles, {len(cells)} cellules remplies")
EOF

echo "== lintian"
if lintian --no-tag-display-limit "$deb" >"$work/lintian.log" 2>&1; then :; fi
cat "$work/lintian.log"
if grep -q '^E: ' "$work/lintian.log"; then
    fail "lintian signale des erreurs"
fi
echo "paquet vérifié"
