# Sourced by the other scripts: export .env (if any) so the shell scripts, the TypeORM CLI and the
# app all see the same settings.
if [ -f .env ]; then
  set -a
  # shellcheck disable=SC1091
  . ./.env
  set +a
fi
