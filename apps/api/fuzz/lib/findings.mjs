// Failures grouped as they arrive (kind, operation, reason, answer's message), each group keeping its request ids
// and a few full example requests, then explained with the server's own log lines for those ids.
import { readFileSync } from 'node:fs';

const EXAMPLES_PER_GROUP = 6;

function answerMessage(res) {
  if (res.error) return res.error;
  const text = res.body.toString('utf8');
  try {
    const message = JSON.parse(text)?.message;
    if (typeof message === 'string') return message.slice(0, 160);
  } catch {
    // not JSON
  }
  return text.slice(0, 80);
}

export function createFindings() {
  const groups = new Map();
  let total = 0;
  return {
    add({ id, kind, reason, req, wireReq, res }) {
      total++;
      // A 5xx is grouped per operation and message (the log then tells causes apart); a shape violation is the same
      // defect wherever it shows (e.g. Node's bodiless 431), so it is one group listing its operations.
      const message = kind === 'shape' ? '' : answerMessage(res);
      const key = [kind, kind === 'shape' ? '' : req.op.key, reason, message].join('\u0001');
      let group = groups.get(key);
      if (!group) {
        group = {
          kind,
          operation: req.op.key,
          operations: [],
          reason,
          message,
          ids: [],
          labels: new Map(),
          examples: [],
        };
        groups.set(key, group);
      }
      if (!group.operations.includes(req.op.key)) group.operations.push(req.op.key);
      group.ids.push(id);
      group.labels.set(req.label, (group.labels.get(req.label) ?? 0) + 1);
      if (group.examples.length < EXAMPLES_PER_GROUP && !group.examples.some((e) => e.label === req.label)) {
        group.examples.push({
          id,
          operation: req.op.key,
          label: req.label,
          principal: req.principal,
          method: wireReq.method,
          path: wireReq.path,
          headers: wireReq.shownHeaders,
          body: wireReq.body,
          status: res.status ?? null,
          contentType: res.headers?.['content-type'] ?? null,
          answer: res.body ? res.body.toString('utf8').slice(0, 2000) : res.error,
          dbActivity: res.dbActivity,
        });
      }
    },
    count: () => total,
    groups: () => [...groups.values()],
  };
}

/** Error and warning lines of the server log by x-fuzz-id, and the error lines no request carried. */
export function readServerLog(file) {
  const byId = new Map();
  const unattached = [];
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { byId, unattached };
  }
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    let entry;
    try {
      entry = JSON.parse(line);
    } catch {
      unattached.push({ level: 'text', message: line.slice(0, 500) });
      continue;
    }
    if ((entry.level ?? 0) < 40) continue;
    const message = [entry.context, entry.err?.type, entry.err?.message ?? entry.msg].filter(Boolean).join(': ');
    const stack =
      entry.err?.stack ?? (typeof entry.msg === 'string' && entry.msg.includes('\n    at ') ? entry.msg : null);
    const record = {
      level: entry.level >= 50 ? 'error' : 'warn',
      message: message.slice(0, 500),
      stack: stack?.slice(0, 3000),
    };
    const id = entry.req?.headers?.['x-fuzz-id'];
    if (id) {
      const list = byId.get(Number(id)) ?? [];
      list.push(record);
      byId.set(Number(id), list);
    } else if (record.level === 'error') {
      unattached.push(record);
    }
  }
  return { byId, unattached };
}

/**
 * The error that explains a request, as its first line and the innermost frame of the API's own code: the same
 * message from two services is two defects.
 */
export function logSignature(lines) {
  const error = lines?.find((l) => l.level === 'error' && l.stack) ?? lines?.find((l) => l.level === 'error');
  if (!error) return null;
  const text = error.stack ?? error.message;
  const [first] = text.split('\n');
  const own = /\n\s+at (?:async )?([^\n]*?)\s*\([^\n)]*\/apps\/api\/dist\/([^\n):]+):(\d+)/.exec(text);
  // Without a frame of our own (a library threw on the way in), the library's frame says where.
  const library = /\n\s+at (?:async )?([^\n]*?)\s*\([^\n)]*\/node_modules\/([^\n):]+):(\d+)/.exec(text);
  const frame = own ?? library;
  return `${first.replace(/^HttpErrorFilter: /, '').slice(0, 240)}${frame ? ` @ ${frame[1]} (${frame[2]}:${frame[3]})` : ''}`;
}

/** Adds to every group the distinct log signatures of its requests and the log lines of its examples. */
export function explain(groups, log) {
  for (const group of groups) {
    const causes = new Map();
    for (const id of group.ids) {
      const signature = logSignature(log.byId.get(id)) ?? '(no server log line)';
      causes.set(signature, (causes.get(signature) ?? 0) + 1);
    }
    group.causes = [...causes].map(([signature, count]) => ({ signature, count }));
    for (const example of group.examples) example.log = log.byId.get(example.id) ?? [];
  }
  return groups;
}
