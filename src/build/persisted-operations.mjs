// Writes the web console's persisted-operation manifest (Apollo's format) from its operations file.
//
//   node src/build/persisted-operations.mjs <operations.graphql> <manifest.json>
//
// Every named query, mutation and subscription of the operations file becomes one entry whose id is
// the SHA-256 of its text exactly as the console sends it. The console reads the manifest to send
// hashes instead of documents (automatic persisted queries); a production server in allow-list mode
// (FAPIAO_HTTP_PERSISTED_QUERIES_MODE=allow-list) runs only these operations. Node.js built-ins only,
// so that the build needs no npm package for it.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const [source, target] = process.argv.slice(2);
if (!source || !target) {
  console.error('usage: persisted-operations.mjs <operations.graphql> <manifest.json>');
  process.exit(2);
}

/** The top-level definitions of a GraphQL document, each as its own text (comments dropped). */
function definitions(text) {
  const withoutComments = text.split('\n').map((line) => line.replace(/#.*$/, '')).join('\n');
  const result = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < withoutComments.length; i++) {
    const c = withoutComments[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{') {
      if (depth === 0 && start < 0) throw new Error(`a selection set without an operation at ${i}`);
      depth++;
    } else if (c === '}') {
      depth--;
      if (depth === 0) {
        result.push(withoutComments.slice(start, i + 1).trim());
        start = -1;
      }
    } else if (depth === 0 && start < 0 && /\S/.test(c)) start = i;
  }
  if (depth !== 0) throw new Error('unbalanced braces');
  return result;
}

const operations = definitions(readFileSync(source, 'utf8')).map((body) => {
  const head = /^(query|mutation|subscription)\s+([A-Za-z_][A-Za-z0-9_]*)/.exec(body);
  if (!head) throw new Error(`every operation needs a name (and fragments are not used): ${body.slice(0, 60)}`);
  // One line per operation: the same text the console sends and the server hashes.
  const compact = body.replace(/\s+/g, ' ').replace(/\s*([{}():,!=$\[\]])\s*/g, '$1').replace(/\.\.\.\s*/g, '...');
  return {
    id: createHash('sha256').update(compact, 'utf8').digest('hex'),
    name: head[2],
    type: head[1],
    body: compact,
  };
});

const names = new Set();
for (const op of operations) {
  if (names.has(op.name)) throw new Error(`two operations are named ${op.name}`);
  names.add(op.name);
}

mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations }, null, 2) + '\n');
console.log(`${operations.length} persisted operations -> ${target}`);
