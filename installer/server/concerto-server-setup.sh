#!/bin/sh
# Sets up the shared Concerto database on a Debian server, from scratch or again (every step can
# run twice): PostgreSQL, the database, TLS, pg_hba.conf (TLS + SCRAM only), `concerto-cli server
# init`, the first administrator, and the nightly backup with its restore check. See README.md.
#
# Run as root on the server:
#   sh concerto-server-setup.sh --hostname concerto.mairie.local --network 10.12.0.0/16 --admin m.martin
# The administrator's password is asked twice (or read from one line of standard input with
# --password-stdin). Options:
#   --hostname NAME     the name the office PCs use for the server (in its TLS certificate)
#   --network CIDR      the addresses allowed to connect (default: 10.0.0.0/8)
#   --admin LOGIN       the first Concerto administrator (a personal account)
#   --database NAME     default: concerto
#   --port N            default: the cluster's (5432)
#   --socket-dir DIR    where the local PostgreSQL socket is (default: /var/run/postgresql)
#   --backup-dir DIR    default: /var/backups/concerto
#   --sbin-dir DIR      where concerto-backup is installed (default: /usr/local/sbin)
#   --listen ADDRESSES  PostgreSQL's listen_addresses (default: '*', every interface)
#   --os-user NAME      the system account that runs PostgreSQL (default: postgres)
#   --cli PATH          the concerto-cli to use (default: concerto-cli from PATH)
#   --no-install        PostgreSQL is already installed and running; do not call apt-get
#   --no-cron           do not install the nightly backup in /etc/cron.d
#   --password-stdin    read the administrator's password from standard input
set -eu

hostname=""
network="10.0.0.0/8"
admin=""
database="concerto"
port=""
socket_dir="/var/run/postgresql"
backup_dir="/var/backups/concerto"
sbin_dir="/usr/local/sbin"
listen="*"
os_user="postgres"
cli="concerto-cli"
install=1
cron=1
password_stdin=0

say() { printf '%s\n' "== $*"; }
die() {
    printf 'concerto-server-setup : %s\n' "$*" >&2
    exit 1
}

while [ $# -gt 0 ]; do
    case "$1" in
    --hostname) hostname=$2; shift 2 ;;
    --network) network=$2; shift 2 ;;
    --admin) admin=$2; shift 2 ;;
    --database) database=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --socket-dir) socket_dir=$2; shift 2 ;;
    --backup-dir) backup_dir=$2; shift 2 ;;
    --sbin-dir) sbin_dir=$2; shift 2 ;;
    --listen) listen=$2; shift 2 ;;
    --os-user) os_user=$2; shift 2 ;;
    --cli) cli=$2; shift 2 ;;
    --no-install) install=0; shift ;;
    --no-cron) cron=0; shift ;;
    --password-stdin) password_stdin=1; shift ;;
    *) die "option inconnue : $1 (voir l'en-tête du script)" ;;
    esac
done
[ -n "$hostname" ] || die "--hostname est obligatoire (le nom du serveur pour les postes)"
[ -n "$admin" ] || die "--admin est obligatoire (l'identifiant du premier administrateur)"
case "$database" in *[!a-z0-9_]* | "") die "--database : minuscules, chiffres et _ seulement" ;; esac

# Everything PostgreSQL is done as its superuser, over the local socket, by the system account
# that runs the server.
as_postgres() {
    if [ "$(id -un)" = "$os_user" ]; then "$@"; else runuser -u "$os_user" -- "$@"; fi
}
port_option=""
[ -n "$port" ] && port_option="-p $port"
psql_su() { as_postgres psql -X -q -v ON_ERROR_STOP=1 -U postgres -h "$socket_dir" $port_option "$@"; }
value() { psql_su -At -d postgres -c "$1"; }

# 1. PostgreSQL
if [ "$install" = 1 ]; then
    say "PostgreSQL"
    if ! dpkg-query -W -f='${Status}' postgresql 2>/dev/null | grep -q "install ok installed"; then
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql openssl
    fi
fi
value "SELECT 1" >/dev/null || die "PostgreSQL ne répond pas sur $socket_dir (port ${port:-par défaut})"
data_dir=$(value "SHOW data_directory")
config_file=$(value "SHOW config_file")
hba_file=$(value "SHOW hba_file")

# 2. The database
say "Base $database"
if [ "$(value "SELECT count(*) FROM pg_database WHERE datname = '$database'")" = 0 ]; then
    psql_su -d postgres -c "CREATE DATABASE $database ENCODING 'UTF8' TEMPLATE template0"
fi

# 3. TLS: a certificate authority of the server's own (its certificate goes to the office PCs)
# and a server certificate for the name they use; kept when already there.
say "TLS"
if [ ! -f "$data_dir/concerto-ca.crt" ]; then
    as_postgres sh -c "
        set -e
        cd '$data_dir'
        umask 077
        openssl req -x509 -newkey rsa:3072 -nodes -days 3650 -subj '/CN=Concerto CA $hostname' \
            -keyout concerto-ca.key -out concerto-ca.crt 2>/dev/null
        openssl req -newkey rsa:3072 -nodes -subj '/CN=$hostname' -keyout concerto-server.key \
            -out concerto-server.csr 2>/dev/null
        printf 'subjectAltName=DNS:%s\n' '$hostname' > concerto-server.ext
        openssl x509 -req -in concerto-server.csr -CA concerto-ca.crt -CAkey concerto-ca.key -CAcreateserial \
            -days 3650 -extfile concerto-server.ext -out concerto-server.crt 2>/dev/null
        rm -f concerto-server.csr concerto-server.ext
        chmod 644 concerto-ca.crt concerto-server.crt
    "
fi
# Our settings in one marked block, replaced on each run.
tmp=$(mktemp)
sed '/^# --- concerto (begin)/,/^# --- concerto (end)/d' "$config_file" >"$tmp"
cat >>"$tmp" <<EOF
# --- concerto (begin): written by concerto-server-setup.sh, replaced on each run
ssl = on
ssl_cert_file = '$data_dir/concerto-server.crt'
ssl_key_file = '$data_dir/concerto-server.key'
password_encryption = 'scram-sha-256'
listen_addresses = '$listen'
# --- concerto (end)
EOF
cat "$tmp" >"$config_file"

# 4. pg_hba.conf: the three Concerto groups over TLS with SCRAM, from the office network only,
# and nothing else from the network. Local access (IT, backups) is left as it was.
say "pg_hba.conf"
sed '/^# --- concerto (begin)/,/^# --- concerto (end)/d' "$hba_file" >"$tmp"
{
    echo "# --- concerto (begin): written by concerto-server-setup.sh, replaced on each run"
    for group in concerto_reader concerto_editor concerto_admin; do
        printf 'hostssl   %s  +%s  %s  scram-sha-256\n' "$database" "$group" "$network"
    done
    echo "hostssl   all  all  0.0.0.0/0  reject"
    echo "hostssl   all  all  ::/0  reject"
    echo "hostnossl all  all  0.0.0.0/0  reject"
    echo "hostnossl all  all  ::/0  reject"
    echo "# --- concerto (end)"
    # The server's own "host" lines (127.0.0.1 for tools on the server) come after ours.
    cat "$tmp"
} >"$tmp.new"
cat "$tmp.new" >"$hba_file"
rm -f "$tmp" "$tmp.new"
value "SELECT pg_reload_conf()" >/dev/null
# ssl and listen_addresses need a restart when they changed: say it rather than cut connections.
if [ "$(value "SHOW ssl")" != on ]; then
    echo "   TLS prend effet au redémarrage de PostgreSQL : systemctl restart postgresql"
fi

# 5. Schema, owner, groups, grants, row security, audit
say "concerto-cli server init"
local_db="host=$socket_dir dbname=$database user=postgres${port:+ port=$port}"
as_postgres "$cli" server init --db "$local_db"

# 6. The first administrator
say "Premier administrateur : $admin"
if [ "$(value "SELECT count(*) FROM pg_roles WHERE rolname = '$admin'")" = 0 ]; then
    if [ "$password_stdin" = 1 ]; then
        as_postgres "$cli" user add "$admin" --role admin --password-stdin --db "$local_db"
    else
        as_postgres "$cli" user add "$admin" --role admin --db "$local_db"
    fi
else
    echo "   le compte existe déjà : inchangé"
fi

# 7. Nightly backup (pg_dump, 14 kept) and its restore check
say "Sauvegardes dans $backup_dir"
mkdir -p "$backup_dir"
chown "$os_user" "$backup_dir"
chmod 700 "$backup_dir"
kit_dir=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$sbin_dir"
install -m 755 "$kit_dir/concerto-backup.sh" "$sbin_dir/concerto-backup"
if [ "$cron" = 1 ]; then
    cat >/etc/cron.d/concerto-backup <<EOF
# Concerto: nightly dump of the shared database, then a restore check (concerto-server-setup.sh)
30 2 * * * $os_user $sbin_dir/concerto-backup --database $database --dir $backup_dir --socket-dir $socket_dir${port:+ --port $port} --check
EOF
fi

say "Terminé"
echo "   Certificat à installer sur les postes : $data_dir/concerto-ca.crt"
echo "   Adresse pour Concerto : host=$hostname dbname=$database user=IDENTIFIANT sslmode=verify-full"
