// tsx tests/replica/cli.ts --port 9001 --state seed [--no-login-rate-limit] [--scale] [--refuse-tenant]
import { parseArgs } from 'node:util';
import { accountTable } from './accounts.ts';
import { HOST_STATES } from './context.ts';
import type { HostState } from './context.ts';
import { startReplica } from './server.ts';
import { REFUSED_TENANT_ID, SCALE_MODE_TENANT_IDS, refuseTenant } from './scale-tenants.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '9001' },
    state: { type: 'string', default: 'today' },
    'no-login-rate-limit': { type: 'boolean', default: false },
    // The host with 50 tenants, and the one tenant it refuses (./scale-tenants.ts).
    scale: { type: 'boolean', default: false },
    'refuse-tenant': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log('usage: tsx tests/replica/cli.ts [--port 9001|0] [--state today|seed|fixed] [--no-login-rate-limit] [--scale] [--refuse-tenant]');
  process.exit(0);
}
const port = Number(values.port);
const state = values.state as HostState;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`invalid --port ${values.port}`);
  process.exit(2);
}
if (!HOST_STATES.includes(state)) {
  console.error(`invalid --state ${values.state} (one of ${HOST_STATES.join(', ')})`);
  process.exit(2);
}

const replica = await startReplica({ port, state, loginRateLimit: !values['no-login-rate-limit'], scale: values.scale });
if (values['refuse-tenant']) refuseTenant(replica.faults);
console.log(`Replica host (Dashboard Agile v6) listening at ${replica.origin}/  state=${replica.state}${replica.scale ? '  scale' : ''}`);
console.log(`REPLICA_URL=${replica.origin}`);
console.log('Accounts (username / password / role / tenants):');
console.log(accountTable());
if (replica.scale) console.log(`Tenants (scale mode): ${SCALE_MODE_TENANT_IDS.join(' ')}`);
if (values['refuse-tenant']) console.log(`Refused tenant (403 NOT_MEMBER): ${REFUSED_TENANT_ID}`);
console.log('Control: POST /__replica/state {state} | POST /__replica/scale {enabled} | POST /__replica/faults {prefix, fault} | DELETE /__replica/faults | GET /__replica/requests');

let closing = false;
const stop = (sig: string) => {
  if (closing) return;
  closing = true;
  console.log(`\n${sig}: closing replica`);
  replica.close().then(() => process.exit(0), () => process.exit(1));
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
