// The console's GraphQL client: what an app developer copies.
//
// - Operations come from the build's manifest (persisted-operations.json): the console sends the
//   SHA-256 of an operation, never a document the server has not seen. Queries go as GET (cacheable
//   where the server allows it), mutations as POST. When the server does not know a hash yet
//   (PERSISTED_QUERY_NOT_FOUND, automatic mode) the console sends the document once with its hash.
// - The access token lives in sessionStorage (gone with the tab); an expired one is renewed once
//   with the refresh token, then the user logs in again.
// - Subscriptions use the graphql-transport-ws protocol; the token goes in connection_init because
//   browsers cannot set headers on a WebSocket. A dropped socket reconnects and resumes after the
//   last event received (afterEventId), so nothing is missed.

const ENDPOINT = new URL('graphql', document.baseURI).toString();
const SESSION_KEY = 'fapiao.session';
let operations = null;

/** A GraphQL answer with errors: `errors` as the server sent them, `code` of the first. */
export class GraphQLFailure extends Error {
  constructor(errors, status) {
    super(errors.map((e) => e.message).join('; '));
    this.errors = errors;
    this.code = errors[0]?.extensions?.code || (status >= 500 ? 'INTERNAL_ERROR' : 'UNKNOWN');
    this.field = errors[0]?.extensions?.field || null;
    this.status = status;
  }
}

export async function loadOperations() {
  const response = await fetch(new URL('persisted-operations.json', document.baseURI));
  if (!response.ok) throw new Error(`persisted-operations.json: HTTP ${response.status}`);
  const manifest = await response.json();
  operations = Object.fromEntries(manifest.operations.map((op) => [op.name, op]));
}

// ---------------------------------------------------------------- session

export function session() {
  try {
    return JSON.parse(sessionStorage.getItem(SESSION_KEY)) || null;
  } catch {
    return null;
  }
}

export function saveSession(auth) {
  if (auth) sessionStorage.setItem(SESSION_KEY, JSON.stringify(auth));
  else sessionStorage.removeItem(SESSION_KEY);
  window.dispatchEvent(new CustomEvent('session-changed'));
}

export function hasRole(...roles) {
  const user = session()?.user;
  return !!user && roles.some((role) => user.roles.includes(role));
}

// ---------------------------------------------------------------- queries and mutations

/** Runs a named operation of the manifest; resolves to its data, rejects with a GraphQLFailure. */
export async function run(name, variables = {}) {
  const answer = await send(name, variables, true);
  if (answer.errors?.length && answer.errors[0].extensions?.code === 'UNAUTHENTICATED' && (await renew())) {
    return unwrap(await send(name, variables, true));
  }
  return unwrap(answer);
}

function unwrap(answer) {
  if (answer.errors?.length) throw new GraphQLFailure(answer.errors, answer.status);
  return answer.data;
}

async function send(name, variables, byHash) {
  const op = operations?.[name];
  if (!op) throw new Error(`unknown operation ${name}`);
  const extensions = { persistedQuery: { version: 1, sha256Hash: op.id } };
  const headers = { Accept: 'application/json' };
  const token = session()?.accessToken;
  if (token) headers.Authorization = `Bearer ${token}`;
  let response;
  if (op.type === 'query' && byHash) {
    const url = new URL(ENDPOINT);
    url.searchParams.set('operationName', name);
    url.searchParams.set('variables', JSON.stringify(variables));
    url.searchParams.set('extensions', JSON.stringify(extensions));
    response = await fetch(url, { headers });
  } else {
    headers['Content-Type'] = 'application/json';
    const body = { operationName: name, variables, extensions };
    if (!byHash) body.query = op.body;
    response = await fetch(ENDPOINT, { method: 'POST', headers, body: JSON.stringify(body) });
  }
  let answer;
  try {
    answer = await response.json();
  } catch {
    answer = { errors: [{ message: `HTTP ${response.status}`, extensions: { code: response.status >= 500 ? 'INTERNAL_ERROR' : 'UNKNOWN' } }] };
  }
  answer.status = response.status;
  if (byHash && answer.errors?.[0]?.extensions?.code === 'PERSISTED_QUERY_NOT_FOUND') {
    return send(name, variables, false);
  }
  return answer;
}

let renewing = null;

/** Renews the access token once for all callers that found it expired; false when the user must log in. */
async function renew() {
  const refreshToken = session()?.refreshToken;
  if (!refreshToken) return false;
  renewing ??= (async () => {
    const answer = await send('RefreshSession', { refreshToken }, true);
    if (answer.errors?.length) {
      saveSession(null);
      return false;
    }
    saveSession(answer.data.refreshToken);
    return true;
  })().finally(() => setTimeout(() => { renewing = null; }, 0));
  return renewing;
}

// ---------------------------------------------------------------- subscriptions

/**
 * Subscribes with a named subscription of the manifest; `onEvent(data)` for each event. The stream
 * survives a dropped connection (reconnect with back-off, resume after the last event id).
 * Returns a function that ends it.
 */
export function subscribe(name, variables, onEvent, { onError = () => {}, onOpen = () => {} } = {}) {
  const op = operations?.[name];
  if (!op) throw new Error(`unknown operation ${name}`);
  const field = op.body.match(/\{\s*(\w+)/)[1];
  let socket = null;
  let stopped = false;
  let lastEventId = null;
  let retryDelay = 1000;

  function connect() {
    const url = new URL(ENDPOINT);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    socket = new WebSocket(url, 'graphql-transport-ws');
    socket.onopen = () => {
      const token = session()?.accessToken;
      socket.send(JSON.stringify({ type: 'connection_init', payload: token ? { Authorization: `Bearer ${token}` } : {} }));
    };
    socket.onmessage = (message) => {
      const frame = JSON.parse(message.data);
      if (frame.type === 'connection_ack') {
        retryDelay = 1000;
        const resumed = lastEventId ? { ...variables, afterEventId: lastEventId } : variables;
        socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { operationName: name, query: op.body, variables: resumed } }));
        onOpen();
      } else if (frame.type === 'next') {
        if (frame.payload.errors?.length) {
          onError(new GraphQLFailure(frame.payload.errors, 200));
          return;
        }
        const event = frame.payload.data?.[field];
        if (event?.eventId) lastEventId = event.eventId;
        if (event) onEvent(event);
      } else if (frame.type === 'error') {
        stopped = true;
        onError(new GraphQLFailure(frame.payload, 200));
      } else if (frame.type === 'ping') {
        socket.send(JSON.stringify({ type: 'pong' }));
      }
    };
    socket.onclose = () => {
      if (stopped) return;
      setTimeout(connect, retryDelay);
      retryDelay = Math.min(retryDelay * 2, 30000);
    };
  }
  connect();
  return () => {
    stopped = true;
    if (socket && socket.readyState <= 1) socket.close(1000);
  };
}
