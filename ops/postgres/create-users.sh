#!/usr/bin/env bash
# Runs once, on the first start of an empty data volume (postgres image's /docker-entrypoint-initdb.d):
# one login per system, passwords from the environment. Temporal's login may create its two databases
# (auto-setup does); Tenggat's owns only its own database.
set -euo pipefail
: "${TEMPORAL_DB_PASSWORD:?set TEMPORAL_DB_PASSWORD}"
: "${TENGGAT_DB_PASSWORD:?set TENGGAT_DB_PASSWORD}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v temporal_password="$TEMPORAL_DB_PASSWORD" -v tenggat_password="$TENGGAT_DB_PASSWORD" <<'SQL'
CREATE ROLE temporal LOGIN CREATEDB PASSWORD :'temporal_password';
CREATE ROLE tenggat LOGIN PASSWORD :'tenggat_password';
CREATE DATABASE tenggat OWNER tenggat;
REVOKE ALL ON DATABASE tenggat FROM PUBLIC;
SQL
