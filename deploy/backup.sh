#!/usr/bin/env bash
# Back up the database (pg_dump, custom format) and both file trees (public media, private documents)
# into BACKUP_DIR/<timestamp>/ with a SHA256SUMS file; backups older than BACKUP_KEEP_DAYS are removed.
# Needs DATABASE_URL, MEDIA_ROOT, PRIVATE_MEDIA_ROOT, BACKUP_DIR (portal.env). Prints the new backup's folder.
set -euo pipefail
: "${DATABASE_URL:?}" "${MEDIA_ROOT:?}" "${PRIVATE_MEDIA_ROOT:?}" "${BACKUP_DIR:?}"
umask 077  # backups hold personal data: readable by their owner only

target="$BACKUP_DIR/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$target.partial"
# One consistent snapshot of every table, as of the moment pg_dump starts (no lock on writers).
pg_dump --format=custom --no-owner --no-privileges --dbname="$DATABASE_URL" --file="$target.partial/database.dump"
for tree in media:"$MEDIA_ROOT" private:"$PRIVATE_MEDIA_ROOT"; do
  name=${tree%%:*} dir=${tree#*:}
  mkdir -p "$dir"
  tar --create --gzip --file="$target.partial/$name.tar.gz" --directory="$dir" .
done
(cd "$target.partial" && sha256sum database.dump media.tar.gz private.tar.gz > SHA256SUMS)
mv "$target.partial" "$target"  # only a complete backup carries a plain timestamp name

if [ -n "${BACKUP_KEEP_DAYS:-}" ]; then
  find "$BACKUP_DIR" -mindepth 1 -maxdepth 1 -type d -name '20*' -mtime "+$BACKUP_KEEP_DAYS" -exec rm -rf {} +
fi
echo "$target"
