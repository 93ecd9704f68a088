// Runs every graphql-http server audit against a running Zhucan and prints one line per audit.
// Exits 1 when a MUST audit fails (status "error"); SHOULD findings are warnings, MAY ones notices.
// Usage: ZHUCAN_GRAPHQL_URL=http://localhost:8080/graphql node audit.mjs
import { serverAudits } from 'graphql-http';

const url = process.env.ZHUCAN_GRAPHQL_URL ?? 'http://localhost:8080/graphql';
const counts = { ok: 0, notice: 0, warn: 0, error: 0 };
const findings = [];

for (const audit of serverAudits({ url, fetchFn: fetch })) {
  const result = await audit.fn();
  counts[result.status] += 1;
  const line = `${result.status.toUpperCase().padEnd(5)} ${audit.id} ${audit.name}`;
  console.log(line);
  if (result.status !== 'ok') {
    findings.push(`${line}\n      ${result.reason}`);
  }
}

console.log(`\ngraphql-http audit of ${url}: ${counts.ok} ok, ${counts.notice} notices (MAY), ${counts.warn} warnings (SHOULD), ${counts.error} errors (MUST)`);
if (findings.length > 0) {
  console.log('\nNot passing:\n' + findings.join('\n'));
}
process.exit(counts.error > 0 ? 1 : 0);
