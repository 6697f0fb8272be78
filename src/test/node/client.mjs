// A single-page app's GraphQL client (graphql-request) against the server, unchanged:
//   node client.mjs http://localhost:8081/graphql USERNAME PASSWORD
// Runs a public query, a mutation (login), an authenticated query with the token, and an error
// case, and prints what each returned as one JSON object.
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
