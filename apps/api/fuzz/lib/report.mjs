// What a run prints and leaves in its directory: status counts per operation, totals, and every failure group
// with a request that reproduces it (also as a shell script under repro/).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const quote = (text) => `'${String(text).replace(/'/g, `'\\''`)}'`;
const clip = (text, max) => (text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text);

function printableBody(body) {
  if (!body || body.length > 600) return null;
  const text = body.toString('utf8');
  return Buffer.from(text, 'utf8').equals(body) && /^[\t\n\r\x20-\x7e\u00a0-\uffff]*$/.test(text) ? text : null;
}

function curlOf(example, baseUrl, bodyFile, { short }) {
  const parts = [
    'curl -si',
    `-X ${example.method}`,
    quote(`${baseUrl}${short ? clip(example.path, 240) : example.path}`),
  ];
  for (const [name, value] of Object.entries(example.headers)) {
    if (name === 'content-length') continue;
    parts.push(`-H ${quote(`${name}: ${short ? clip(String(value), 120) : value}`)}`);
  }
  if (example.body?.length) {
    const text = printableBody(example.body);
    parts.push(text !== null ? `--data-binary ${quote(text)}` : `--data-binary @${bodyFile}`);
  }
  return parts.join(' ');
}

const histogramText = (statuses) =>
  Object.entries(statuses)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, n]) => `${status}:${n}`)
    .join(' ');

export function printStats({ stats, sent, seconds, stopReason, notSent }) {
  const totals = {};
  const width = Math.max(...[...stats.keys()].map((k) => k.length));
  console.log('\nStatus counts per operation:');
  for (const [key, stat] of stats) {
    for (const [status, n] of Object.entries(stat.statuses)) totals[status] = (totals[status] ?? 0) + n;
    const undocumented = Object.keys(stat.undocumented).length
      ? `   (undocumented: ${histogramText(stat.undocumented)})`
      : '';
    console.log(
      `  ${key.padEnd(width)} ${String(stat.count).padStart(5)}  ${histogramText(stat.statuses)}${undocumented}`,
    );
  }
  const big = [...stats].filter(([, stat]) => stat.bigErrors);
  if (big.length) console.log('\nError bodies over 64 KB (not failures):');
  for (const [key, { bigErrors }] of big) {
    console.log(
      `  ${key}: ${bigErrors.count}, largest ${(bigErrors.largest / 1024).toFixed(0)} KB (${bigErrors.label})`,
    );
  }
  console.log(
    `\n${sent} requests in ${seconds.toFixed(1)} s (${(sent / seconds).toFixed(0)}/s), stopped: ${stopReason}`,
  );
  console.log(`Statuses: ${histogramText(totals)}`);
  if (notSent.length) {
    console.log(
      `${notSent.length} generated request(s) Node refused to send (a fuzzer bug), e.g. ${JSON.stringify(notSent[0])}`,
    );
  }
  return totals;
}

/** Prints the groups, writes findings.json and one repro script per example; answers the group counts by kind. */
export function reportFindings({ groups, runDir, baseUrl }) {
  const reproDir = join(runDir, 'repro');
  mkdirSync(reproDir, { recursive: true });
  const byKind = {};
  const order = { '5xx': 0, 'no answer': 1, shape: 2 };
  groups.sort((a, b) => order[a.kind] - order[b.kind] || b.ids.length - a.ids.length);
  groups.forEach((group, g) => {
    byKind[group.kind] = (byKind[group.kind] ?? 0) + group.ids.length;
    group.examples.forEach((example, e) => {
      const base = join(reproDir, `${g + 1}-${e + 1}`);
      if (example.body?.length) writeFileSync(`${base}.body`, example.body);
      example.curl = curlOf(example, baseUrl, `${base}.body`, { short: false });
      writeFileSync(
        `${base}.sh`,
        `#!/bin/sh\n# ${group.kind} ${example.operation}: ${example.label} (as ${example.principal})\n${example.curl}\n`,
      );
      example.script = `${base}.sh`;
    });
  });
  if (groups.length === 0) console.log('\nNo 5xx, no shape violation, every request answered.');
  for (const [g, group] of groups.entries()) {
    const answer = group.message ? ` — answer: ${JSON.stringify(group.message)}` : '';
    const where = group.operations.length > 3 ? `${group.operations.length} operations` : group.operations.join(', ');
    console.log(`\n#${g + 1} [${group.kind}] ${where} — ${group.ids.length} request(s) — ${group.reason}${answer}`);
    for (const cause of group.causes.slice(0, 4)) console.log(`   server log: ${cause.signature} (${cause.count})`);
    const labels = [...group.labels].sort((a, b) => b[1] - a[1]);
    console.log(
      `   mutations: ${labels
        .slice(0, 6)
        .map(([l, n]) => `${l} (${n})`)
        .join(', ')}${labels.length > 6 ? ', …' : ''}`,
    );
    const example = group.examples[0];
    const busy = (example.dbActivity ?? []).filter((row) => row.state !== 'idle');
    if (example.dbActivity) console.log(`   database meanwhile: ${busy.length ? '' : 'every connection idle'}`);
    for (const row of busy) {
      const wait = row.wait_event ? `waiting on ${row.wait_event_type}/${row.wait_event}` : 'running';
      console.log(
        `     pid ${row.pid} ${row.state}, ${wait}, ${row.seconds} s: ${row.query.replace(/\s+/g, ' ').slice(0, 200)}`,
      );
    }
    console.log(
      `   e.g. #${example.id} (${example.operation}) as ${example.principal}: ${curlOf(example, baseUrl, `${example.script.replace(/\.sh$/, '.body')}`, { short: true })}`,
    );
  }
  const defects = distinctDefects(groups);
  if (defects.length)
    console.log('\nDistinct defects (5xx by the server error that caused them, others by the rule they break):');
  for (const d of defects) {
    const ops =
      d.operations.length > 6
        ? `${d.operations.slice(0, 6).join(', ')} and ${d.operations.length - 6} more`
        : d.operations.join(', ');
    console.log(`  [${d.kind}] ${d.cause} — ${d.count} request(s) — ${ops} (see #${d.groups.join(', #')})`);
  }
  writeFileSync(join(runDir, 'defects.json'), JSON.stringify(defects, null, 2));
  const json = groups.map((group) => ({
    ...group,
    count: group.ids.length,
    labels: Object.fromEntries(group.labels),
    ids: group.ids.slice(0, 200),
    examples: group.examples.map(({ body, ...rest }) => ({
      ...rest,
      bodyBytes: body?.length ?? 0,
      bodyText: body ? clip(body.toString('utf8'), 4000) : null,
    })),
  }));
  writeFileSync(join(runDir, 'findings.json'), JSON.stringify(json, null, 2));
  return byKind;
}

/** Groups are per operation; one defect often spans many operations (a NUL byte reaching PostgreSQL anywhere). */
function distinctDefects(groups) {
  const defects = new Map();
  groups.forEach((group, g) => {
    const causes =
      group.kind === '5xx'
        ? group.causes
        : [{ signature: group.reason.replace(/^HTTP \d+: /, ''), count: group.ids.length }];
    for (const { signature, count } of causes) {
      const key = `${group.kind}\u0001${signature}`;
      const d = defects.get(key) ?? { kind: group.kind, cause: signature, count: 0, operations: [], groups: [] };
      d.count += count;
      for (const op of group.operations) if (!d.operations.includes(op)) d.operations.push(op);
      if (!d.groups.includes(g + 1)) d.groups.push(g + 1);
      defects.set(key, d);
    }
  });
  return [...defects.values()].sort((a, b) => a.kind.localeCompare(b.kind) || b.count - a.count);
}

export { histogramText };
