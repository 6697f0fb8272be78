// The unmodified graphql-ws client (what single-page apps use) subscribes to invoice status
// changes on the test server. Prints "connected" once acknowledged, then each event as a JSON line,
// and exits after the first one. Usage: node subscribe.mjs <ws-url> <access-token> <invoice-id>
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [url, token, invoiceId] = process.argv.slice(2);
const client = createClient({
  url,
  webSocketImpl: WebSocket,
  connectionParams: { Authorization: `Bearer ${token}` },
  on: { connected: () => console.log('connected') },
});

const query = `subscription ($f: InvoiceStatusFilter) {
  invoiceStatusChanged(filter: $f) { eventId fromStatus toStatus invoice { id number status } }
}`;

const timer = setTimeout(() => { console.error('no event within 30 s'); process.exit(2); }, 30000);
for await (const result of client.iterate({ query, variables: { f: { invoiceId } } })) {
  console.log(JSON.stringify(result));
  break;
}
clearTimeout(timer);
await client.dispose();
process.exit(0);
