// A single-page app's GraphQL client (graphql-request) against the server, unchanged:
//   node client.mjs http://localhost:8081/graphql USERNAME PASSWORD
// Runs a public query, a mutation (login), authenticated queries with the token (money in and
// out), and error cases, and prints what each returned as one JSON object.
import { GraphQLClient, ClientError, gql } from 'graphql-request';

const [url, username, password] = process.argv.slice(2);
const client = new GraphQLClient(url);
const out = {};

const decoded = await client.request(gql`query Decode($code: String) { decodeInvoiceCode(code: $code) { valid printYear } }`,
  { code: '011001800604' });
out.query = decoded.decodeInvoiceCode;

const login = await client.request(gql`mutation Login($username: String!, $password: String!) {
  login(username: $username, password: $password) { accessToken user { username roles } } }`, { username, password });
out.mutation = login.login.user;

const authenticated = new GraphQLClient(url, { headers: { authorization: `Bearer ${login.login.accessToken}` } });
const me = await authenticated.request(gql`{ me { username } }`);
out.authenticated = me.me;

// Money comes as strings with two decimals (JSON numbers would be binary floats here), and goes in
// as strings: a JavaScript number for an amount is refused.
const vat = await authenticated.request(gql`{ vatSummary(year: 2020, month: 1) { payable outputTax } }`);
out.money = { payable: vat.vatSummary.payable, type: typeof vat.vatSummary.payable };
const filtered = await authenticated.request(gql`query Min($min: Money) { invoices(first: 1, filter: { amountMin: $min }) { totalCount } }`,
  { min: '0.10' });
out.money.filteredCount = typeof filtered.invoices.totalCount;
try {
  await authenticated.request(gql`query Min($min: Money) { invoices(first: 1, filter: { amountMin: $min }) { totalCount } }`, { min: 0.1 });
  out.money.number = 'no error';
} catch (e) {
  if (!(e instanceof ClientError)) throw e;
  out.money.number = { status: e.response.status, code: e.response.errors?.[0]?.extensions?.code, field: e.response.errors?.[0]?.extensions?.field };
}

try {
  await client.request(gql`mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) { accessToken } }`, { username, password: 'wrong-password' });
  out.error = 'no error';
} catch (e) {
  if (!(e instanceof ClientError)) throw e;
  out.error = { status: e.response.status, code: e.response.errors?.[0]?.extensions?.code, message: e.response.errors?.[0]?.message };
}

try {
  await client.request(gql`{ decodeInvoiceCode(code: 1) { valid } }`);
  out.invalid = 'no error';
} catch (e) {
  if (!(e instanceof ClientError)) throw e;
  out.invalid = { status: e.response.status, code: e.response.errors?.[0]?.extensions?.code };
}
console.log(JSON.stringify(out));
