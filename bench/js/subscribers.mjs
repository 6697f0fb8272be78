// The subscriptions scenario of bench/run.sh: N subscribers (graphql-ws, the library single-page
// apps use) spread over the first ORGS organisations of tokens.tsv, each subscribed to all status
// changes of its organisation. Prints "ready" once every subscriber is acknowledged, then, after
// the run, one JSON line: events received, commit-to-receipt latency percentiles, and per
// organisation the events each of its subscribers received (the caller compares them with the
// outbox to count lost events).
// Latencies count only after the first <warm-up> seconds of the run (the server's code paths are
// compiled by then); every event counts for the lost ones.
// Each subscribes with afterEventId = the outbox position before the run, so that an event
// committed while its subscription was still being registered is replayed, not missed.
// Usage: node subscribers.mjs <ws-url> <tokens.tsv> <subscribers> <organisations> <seconds> <warm-up seconds> <after event id>
import { readFileSync } from 'node:fs';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [url, tokensFile, subscriberCount, orgCount, seconds, warmup = '0', after = null] = process.argv.slice(2);
let measureFrom = Infinity;
const tokens = readFileSync(tokensFile, 'utf8').trim().split('\n').map((line) => line.split('\t'))
  .slice(0, Number(orgCount));
const query = 'subscription ($after: ID) { invoiceStatusChanged(afterEventId: $after) { eventId toStatus changedAt invoice { id status } } }';

const latencies = [];
const perOrg = new Map(); // org -> array of counts, one per subscriber
const clients = [];
let connected = 0;
let errors = 0;
let firstEventId = null;
let lastEventId = null;

for (let i = 0; i < Number(subscriberCount); i++) {
  const [org, token] = tokens[i % tokens.length];
  const counts = perOrg.get(org) ?? [];
  perOrg.set(org, counts);
  const slot = counts.push(0) - 1;
  const client = createClient({
    url,
    webSocketImpl: WebSocket,
    connectionParams: { Authorization: `Bearer ${token}` },
    retryAttempts: 0,
    on: { connected: () => { connected++; } },
  });
  clients.push(client);
  client.subscribe({ query, variables: { after } }, {
    next: (result) => {
      if (result.errors) { errors++; return; }
      const event = result.data.invoiceStatusChanged;
      const committed = Date.parse(event.changedAt);
      if (committed >= measureFrom) latencies.push(Date.now() - committed);
      counts[slot]++;
      const id = Number(event.eventId);
      if (firstEventId === null || id < firstEventId) firstEventId = id;
      if (lastEventId === null || id > lastEventId) lastEventId = id;
    },
    error: () => { errors++; },
    complete: () => {},
  });
}

const started = Date.now();
while (connected < clients.length && Date.now() - started < 120000) {
  await new Promise((resolve) => setTimeout(resolve, 100));
}
await new Promise((resolve) => setTimeout(resolve, 1000)); // subscribe messages follow the acks
console.log(`ready ${connected}`);
measureFrom = Date.now() + Number(warmup) * 1000;
await new Promise((resolve) => setTimeout(resolve, (Number(seconds) + Number(warmup)) * 1000));
// Events committed at the very end are still on their way: give them a moment (longer than the
// server's 2 s poll, which delivers an event whose notification was missed).
await new Promise((resolve) => setTimeout(resolve, 5000));

latencies.sort((a, b) => a - b);
const pct = (p) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] : null);
console.log(JSON.stringify({
  subscribers: clients.length, connected, errors, measured: latencies.length,
  received: [...perOrg.values()].flat().reduce((a, b) => a + b, 0),
  p50: pct(0.5), p99: pct(0.99), max: latencies.length ? latencies[latencies.length - 1] : null,
  perOrg: Object.fromEntries([...perOrg].map(([org, counts]) => [org, counts])),
}));
await Promise.all(clients.map((client) => client.dispose()));
process.exit(0);
