#!/bin/sh
# The server kit on a PostgreSQL cluster of its own (initdb on a free loopback port, a private
# socket folder; run by the postgres account when this runs as root): concerto-server-setup.sh
# twice (the second run must change nothing that matters), then the first administrator connects
# over TLS verify-full with the certificate the kit made, creates a reader, fills the database; a
# connection without TLS is refused; concerto-backup dumps and passes its restore check.
#
#   check_server_kit.sh SOURCE_DIR CONCERTO_CLI
set -eu

source_dir=$(cd "$1" && pwd)
cli=$2
kit="$source_dir/installer/server"
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$bindir/initdb" ] || { echo "ÉCHEC : pas de serveur PostgreSQL (paquet postgresql)" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/concerto-kit.XXXXXX")
chmod 755 "$work"
if [ "$(id -u)" = 0 ]; then
    os_user=postgres
    chown postgres "$work"
    as_os() { runuser -u postgres -- "$@"; }
else
    os_user=$(id -un)
    as_os() { "$@"; }
fi
data="$work/data"
sockets="$work/sockets"
as_os mkdir -p "$data" "$sockets"
# The kit runs concerto-cli as the server's account, which may not enter the build folder (under
# root's home, say): it gets a copy of its own, as a package would install it.
cp "$cli" "$work/concerto-cli"
chmod 755 "$work/concerto-cli"
cli="$work/concerto-cli"
port=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
stop() {
    as_os "$bindir/pg_ctl" -D "$data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap stop EXIT
fail() {
    echo "ÉCHEC : $*" >&2
    [ -f "$work/server.log" ] && tail -n 20 "$work/server.log" >&2
    exit 1
}

echo "== cluster jetable sur le port $port"
(cd "$work" && as_os "$bindir/initdb" -D "$data" -U postgres --auth-local=trust --auth-host=reject -E UTF8 \
    --locale=C.UTF-8 >"$work/initdb.log" 2>&1) || { cat "$work/initdb.log" >&2; fail "initdb"; }
(cd "$work" && as_os "$bindir/pg_ctl" -D "$data" -l "$work/server.log" -w \
    -o "-p $port -k $sockets -c listen_addresses=127.0.0.1" start >/dev/null) || fail "pg_ctl start"

password="mot-de-passe-du-kit"
setup() {
    printf '%s\n' "$password" | sh "$kit/concerto-server-setup.sh" --hostname localhost --network 127.0.0.1/32 \
        --listen 127.0.0.1 --admin kit_admin --database concerto_kit --port "$port" --socket-dir "$sockets" \
        --backup-dir "$work/backups" --sbin-dir "$work/sbin" --cli "$cli" --os-user "$os_user" \
        --no-install --no-cron --password-stdin
}
echo "== concerto-server-setup.sh"
setup >"$work/setup1.log" 2>&1 || { cat "$work/setup1.log" >&2; fail "première installation"; }
cat "$work/setup1.log"
echo "== une deuxième fois"
setup >"$work/setup2.log" 2>&1 || { cat "$work/setup2.log" >&2; fail "deuxième installation"; }
grep -q "existe déjà" "$work/setup2.log" || fail "le premier administrateur a été recréé"
[ "$(grep -c '^# --- concerto (begin)' "$data/pg_hba.conf")" = 1 ] || fail "pg_hba.conf : bloc en double"
[ "$(grep -c '^# --- concerto (begin)' "$data/postgresql.conf")" = 1 ] || fail "postgresql.conf : bloc en double"

ca="$data/concerto-ca.crt"
over_tls() { echo "host=localhost hostaddr=127.0.0.1 port=$port dbname=concerto_kit user=$1 sslmode=verify-full sslrootcert=$ca"; }
echo "== l'administrateur se connecte en TLS vérifié"
export PGPASSWORD="$password"
"$cli" user list --db "$(over_tls kit_admin)" >"$work/users.log" 2>&1 || { cat "$work/users.log" >&2; fail "connexion de l'administrateur"; }
grep -q kit_admin "$work/users.log" || fail "l'administrateur n'est pas dans la liste des comptes"
printf '%s\n' "lecture-du-kit" | "$cli" user add kit_reader --role reader --password-stdin --db "$(over_tls kit_admin)" \
    >"$work/reader.log" 2>&1 || { cat "$work/reader.log" >&2; fail "création d'un lecteur"; }
"$cli" demo --db "$(over_tls kit_admin)" --contributions 200 >"$work/demo.log" 2>&1 ||
    { cat "$work/demo.log" >&2; fail "démonstration"; }
PGPASSWORD="lecture-du-kit" "$cli" stats --db "$(over_tls kit_reader)" >"$work/stats.log" 2>&1 ||
    { cat "$work/stats.log" >&2; fail "le lecteur ne lit pas"; }
grep -q "200" "$work/stats.log" || fail "le lecteur ne voit pas les 200 contributions"
echo "== sans TLS : refusé"
if psql -X -At "host=127.0.0.1 port=$port dbname=concerto_kit user=kit_admin sslmode=disable" -c "SELECT 1" \
    >"$work/plain.log" 2>&1; then
    fail "une connexion sans TLS a été acceptée"
fi
grep -q "no encryption\|pg_hba.conf" "$work/plain.log" || { cat "$work/plain.log" >&2; fail "refus inattendu"; }
unset PGPASSWORD

echo "== sauvegarde et contrôle de restauration"
as_os "$work/sbin/concerto-backup" --database concerto_kit --dir "$work/backups" --socket-dir "$sockets" \
    --port "$port" --check >"$work/backup.log" 2>&1 || { cat "$work/backup.log" >&2; fail "concerto-backup"; }
cat "$work/backup.log"
grep -q "contrôle de restauration : réussi" "$work/backup.log" || fail "pas de contrôle de restauration"
grep -q "200 contributions" "$work/backup.log" || fail "la copie restaurée n'a pas les 200 contributions"
ls "$work/backups"/concerto_kit-*.dump >/dev/null || fail "pas de fichier de sauvegarde"
echo "kit serveur vérifié"
