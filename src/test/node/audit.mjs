// Runs the GraphQL-over-HTTP audits of the graphql-http package against a server:
//   node audit.mjs http://localhost:8081/graphql
// Prints one JSON array: {id, name, status: ok|warn|error, reason} per audit.
import { serverAudits } from 'graphql-http';

const url = process.argv[2];
const results = [];
for (const audit of serverAudits({ url })) {
  const result = await audit.fn();
  results.push({ id: audit.id, name: audit.name, status: result.status, reason: result.reason ?? null });
}
console.log(JSON.stringify(results));
