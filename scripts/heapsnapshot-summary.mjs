// Summarises a V8 .heapsnapshot: self size by constructor / type, and the largest single objects with
// the chain of edges that holds each one (its first strong retainers), to name what a process keeps.
//   node scripts/heapsnapshot-summary.mjs <file.heapsnapshot> [top N, default 25]
import { readFileSync } from 'node:fs';

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/heapsnapshot-summary.mjs <file.heapsnapshot> [topN]');
  process.exit(2);
}
const top = Number(topArg ?? 25);
const snapshot = JSON.parse(readFileSync(file, 'utf8'));
const meta = snapshot.snapshot.meta;
const nodeFields = meta.node_fields;
const edgeFields = meta.edge_fields;
const nodeTypes = meta.node_types[0];
const edgeTypes = meta.edge_types[0];
const N = nodeFields.length;
const E = edgeFields.length;
const { nodes, edges, strings } = snapshot;
const f = (name) => nodeFields.indexOf(name);
const [TYPE, NAME, SIZE, EDGES] = [f('type'), f('name'), f('self_size'), f('edge_count')];
const [ETYPE, ENAME, ETO] = ['type', 'name_or_index', 'to_node'].map((n) => edgeFields.indexOf(n));
const count = nodes.length / N;

// Retainers: for each node, the first strong (non-weak) edge pointing at it.
const firstEdge = new Uint32Array(count);
const retainerOf = new Int32Array(count).fill(-1);
const retainerEdge = new Int32Array(count).fill(-1);
for (let i = 0, e = 0; i < count; i++) {
  firstEdge[i] = e;
  const edgeCount = nodes[i * N + EDGES];
  for (let k = 0; k < edgeCount; k++, e += E) {
    const type = edgeTypes[edges[e + ETYPE]];
    if (type === 'weak' || type === 'shortcut') continue;
    const to = edges[e + ETO] / N;
    if (retainerOf[to] === -1) {
      retainerOf[to] = i;
      retainerEdge[to] = e;
    }
  }
}

const label = (i) => {
  const type = nodeTypes[nodes[i * N + TYPE]];
  const name = strings[nodes[i * N + NAME]];
  return type === 'string' || type === 'concatenated string'
    ? `string(${name.length})`
    : `${type}:${name.slice(0, 60)}`;
};
const edgeLabel = (e) => {
  const type = edgeTypes[edges[e + ETYPE]];
  const raw = edges[e + ENAME];
  return type === 'element' || type === 'hidden' ? `[${raw}]` : `.${strings[raw]}`;
};
const chain = (i) => {
  const parts = [];
  for (let at = i, depth = 0; depth < 7 && retainerOf[at] !== -1; depth++) {
    parts.push(edgeLabel(retainerEdge[at]));
    at = retainerOf[at];
    parts.push(label(at));
  }
  return parts.join(' ← ');
};

const byCtor = new Map();
let total = 0;
for (let i = 0; i < count; i++) {
  const size = nodes[i * N + SIZE];
  total += size;
  const type = nodeTypes[nodes[i * N + TYPE]];
  const key = type === 'object' || type === 'closure' ? `${type} ${strings[nodes[i * N + NAME]]}` : type;
  const entry = byCtor.get(key) ?? { size: 0, n: 0 };
  entry.size += size;
  entry.n += 1;
  byCtor.set(key, entry);
}
const mb = (b) => (b / 1024 / 1024).toFixed(1).padStart(6);
console.log(`${file}: ${count} nodes, ${mb(total)} MB self size in all\n\nself size by type / constructor`);
for (const [key, { size, n }] of [...byCtor].sort((a, b) => b[1].size - a[1].size).slice(0, top)) {
  console.log(`${mb(size)} MB  ${String(n).padStart(8)}  ${key.slice(0, 90)}`);
}
const order = [...Array(count).keys()]
  .sort((a, b) => nodes[b * N + SIZE] - nodes[a * N + SIZE])
  .slice(0, top);
console.log('\nlargest single objects, each with its first strong retainers');
for (const i of order) console.log(`${mb(nodes[i * N + SIZE])} MB  ${label(i)} ${chain(i)}`);
