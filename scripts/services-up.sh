#!/usr/bin/env bash
# Brings up PostgreSQL 15 and Redis on this machine, idempotently, and makes sure the
# application role and database exist. Safe to run any number of times.
set -euo pipefail

DB_USER="${DATABASE_USER:-robbot}"
DB_PASSWORD="${DATABASE_PASSWORD:-robbot}"
DB_NAME="${DATABASE_NAME:-robbot}"
DB_PORT="${DATABASE_PORT:-5432}"
REDIS_PORT="${REDIS_PORT:-6379}"

log() { printf '[services] %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=0
apt_install() {
  if [ "$apt_updated" -eq 0 ]; then as_root apt-get update -qq >/dev/null; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

start_postgres() {
  if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    log "installing PostgreSQL"
    apt_install postgresql postgresql-contrib
  fi
  if ! pg_lsclusters -h 2>/dev/null | grep -q .; then
    as_root pg_createcluster 15 main >/dev/null
  fi
  local version cluster status
  read -r version cluster _ status _ < <(pg_lsclusters -h | head -n 1)
  if [ "$status" != "online" ]; then
    log "starting PostgreSQL $version/$cluster"
    as_root pg_ctlcluster "$version" "$cluster" start
  fi
  for _ in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 -p "$DB_PORT" && break
    sleep 1
  done
  pg_isready -q -h 127.0.0.1 -p "$DB_PORT" || { log "PostgreSQL did not come up"; exit 1; }
}

psql_admin() { as_root su postgres -c "PGOPTIONS=--client-min-messages=warning psql -v ON_ERROR_STOP=1 -qtA -p $DB_PORT $*"; }

ensure_role_and_database() {
  # Role and password are (re)set every time so a changed .env takes effect; CREATEDB lets
  # the test suite create and drop its throwaway databases.
  psql_admin "-c \"DO \\\$\\\$BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${DB_USER}') THEN
      CREATE ROLE \\\"${DB_USER}\\\" LOGIN CREATEDB PASSWORD '${DB_PASSWORD}';
    ELSE
      ALTER ROLE \\\"${DB_USER}\\\" LOGIN CREATEDB PASSWORD '${DB_PASSWORD}';
    END IF;
  END\\\$\\\$;\""
  if [ "$(psql_admin "-c \"SELECT 1 FROM pg_database WHERE datname = '${DB_NAME}'\"")" != "1" ]; then
    log "creating database ${DB_NAME}"
    psql_admin "-c 'CREATE DATABASE \"${DB_NAME}\" OWNER \"${DB_USER}\"'"
  fi
  # Extensions need a superuser; create them in template1 too so test databases inherit them.
  for db in "${DB_NAME}" template1; do
    psql_admin "-d ${db} -c 'CREATE EXTENSION IF NOT EXISTS pgcrypto; CREATE EXTENSION IF NOT EXISTS pg_trgm; CREATE EXTENSION IF NOT EXISTS unaccent; CREATE EXTENSION IF NOT EXISTS btree_gin;'"
  done
}

start_redis() {
  if ! command -v redis-server >/dev/null 2>&1; then
    log "installing Redis"
    apt_install redis-server
  fi
  if ! redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1; then
    log "starting Redis on 127.0.0.1:${REDIS_PORT}"
    redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no >/dev/null
  fi
  for _ in $(seq 1 30); do
    redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  log "Redis did not come up"; exit 1
}

start_postgres
ensure_role_and_database
start_redis
log "PostgreSQL and Redis are up"
