#!/usr/bin/env bash
# Audits a running Zhucan against the GraphQL-over-HTTP spec with the graphql-http package.
# Start the service first (README), then: tools/graphql-http-audit/run.sh [graphql-url]
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --silent
ZHUCAN_GRAPHQL_URL="${1:-http://localhost:8080/graphql}" node audit.mjs
