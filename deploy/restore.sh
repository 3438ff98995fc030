#!/usr/bin/env bash
# Restore a backup made by backup.sh into an EMPTY database and empty file trees:
#   deploy/restore.sh /var/backups/nerima-portal/20261207-023000
# Uses DATABASE_URL, MEDIA_ROOT and PRIVATE_MEDIA_ROOT (portal.env); point them at the new places first
# (createdb the database). It refuses a database that already has tables, so it never mixes two states.
set -euo pipefail
backup=${1:?usage: restore.sh BACKUP_FOLDER}
: "${DATABASE_URL:?}" "${MEDIA_ROOT:?}" "${PRIVATE_MEDIA_ROOT:?}"

(cd "$backup" && sha256sum --check --quiet SHA256SUMS)
tables=$(psql --dbname="$DATABASE_URL" --tuples-only --no-align \
  --command="SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
if [ "$tables" != "0" ]; then
  echo "restore.sh: the target database already has $tables tables; restore only into an empty database" >&2
  exit 1
fi
pg_restore --no-owner --no-privileges --exit-on-error --single-transaction --dbname="$DATABASE_URL" \
  "$backup/database.dump"
for tree in media:"$MEDIA_ROOT" private:"$PRIVATE_MEDIA_ROOT"; do
  name=${tree%%:*} dir=${tree#*:}
  mkdir -p "$dir"
  tar --extract --gzip --file="$backup/$name.tar.gz" --directory="$dir"
done
chmod 750 "$PRIVATE_MEDIA_ROOT"
echo "restored $backup"
