#!/bin/sh
# Dumps the shared Concerto database (pg_dump, custom format), keeps the last ones, and with
# --check restores the new dump into a scratch database and compares it with the live one,
# table by table, so that a backup nobody could restore is known the same night.
# Run as postgres (the cron line of concerto-server-setup.sh does):
#   concerto-backup --database concerto --dir /var/backups/concerto [--keep 14] [--check]
#                   [--socket-dir /var/run/postgresql] [--port 5432]
# Restoring after a loss, as postgres (the database must not exist, or be dropped first):
#   createdb concerto && pg_restore --dbname concerto /var/backups/concerto/concerto-AAAAMMJJ-HHMMSS.dump
set -eu

database="concerto"
dir="/var/backups/concerto"
keep=14
check=0
socket_dir="/var/run/postgresql"
port=""
while [ $# -gt 0 ]; do
    case "$1" in
    --database) database=$2; shift 2 ;;
    --dir) dir=$2; shift 2 ;;
    --keep) keep=$2; shift 2 ;;
    --check) check=1; shift ;;
    --socket-dir) socket_dir=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    *) echo "concerto-backup : option inconnue : $1" >&2; exit 2 ;;
    esac
done
PGHOST=$socket_dir
PGUSER=${PGUSER:-postgres}
PGOPTIONS="-c client_min_messages=warning" # no notice for the scratch database that is not there yet
export PGHOST PGUSER PGOPTIONS
if [ -n "$port" ]; then
    PGPORT=$port
    export PGPORT
fi

stamp=$(date +%Y%m%d-%H%M%S)
dump="$dir/$database-$stamp.dump"
pg_dump --format=custom --file="$dump.part" "$database"
mv "$dump.part" "$dump" # a dump cut short never has the final name
echo "sauvegarde : $dump ($(du -k "$dump" | cut -f1) Kio)"

# The last $keep dumps stay.
ls -1 "$dir/$database"-*.dump 2>/dev/null | sort -r | tail -n +"$((keep + 1))" | while read -r old; do
    rm -f "$old"
done

[ "$check" = 1 ] || exit 0
scratch="${database}_restore_check"
dropdb --if-exists "$scratch"
createdb "$scratch"
trap 'dropdb --if-exists "$scratch"' EXIT
pg_restore --exit-on-error --dbname="$scratch" "$dump"
# The restored copy must hold every table of the live base at the same schema version. (Row counts
# are shown, not compared: people may be working while the dump runs.)
tables() {
    psql -X -At -d "$1" -c "SELECT string_agg(relname, ' ' ORDER BY relname) FROM pg_class
                             WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'"
}
version() { psql -X -At -d "$1" -c "SELECT max(version) FROM schema_version"; }
if [ "$(tables "$database")" != "$(tables "$scratch")" ] || [ "$(version "$database")" != "$(version "$scratch")" ]; then
    echo "contrôle de restauration : ÉCHEC, la copie restaurée n'a pas les tables ou la version de la base" >&2
    echo "base     : $(tables "$database") (version $(version "$database"))" >&2
    echo "restauré : $(tables "$scratch") (version $(version "$scratch"))" >&2
    exit 1
fi
rows=$(psql -X -At -d "$scratch" -c "SELECT format('%s contributions, %s codages, %s engagements',
          (SELECT count(*) FROM contribution), (SELECT count(*) FROM tag), (SELECT count(*) FROM commitment))")
echo "contrôle de restauration : réussi ($(tables "$scratch" | wc -w) tables, version $(version "$scratch") ; $rows)"
