#!/bin/sh
# Starts the service this image was built for (SERVICE), as PID 1's only child: exec, so that
# SIGTERM from the orchestrator reaches Node, which drains and stops cleanly.
set -eu
case "${SERVICE:-}" in
  gateway)              exec node gateway/dist/main.js ;;
  city|district|street) exec node "subgraphs/${SERVICE}/dist/main.js" ;;
  migrate)              exec node infra/deploy/dist/migrate/migrate.js ;;
  *) echo "SERVICE 未设置或无效 / SERVICE must be gateway, city, district, street or migrate (got '${SERVICE:-}')" >&2; exit 64 ;;
esac
