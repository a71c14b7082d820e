// One HTTP client for every request. node:http rather than fetch: fetch normalizes what the fuzzer must send as is
// (percent-encoded lone surrogates, Content-Encoding on a plain body, 20 KB URLs, any method and header).
import http from 'node:http';

// Enough for any sane error body; a longer one is itself a finding (checks.mjs), so it need not be read whole.
const MAX_BODY = 2 * 1024 * 1024;

export function createClient({ baseUrl, concurrency, timeoutMs }) {
  const { hostname, port } = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });

  /**
   * Resolves { status, headers, body (Buffer, at most 2 MB), truncated, ms } or { error, ms }; never rejects.
   * A reset of a reused keep-alive socket is retried once on a new connection: it says nothing about the request.
   */
  async function send(req) {
    const first = await sendOnce(req, agent);
    if (!first.error || !/ECONNRESET|EPIPE|socket hang up/.test(first.error)) return first;
    const second = await sendOnce(req, false);
    return second.error ? { ...second, error: `${second.error} (also on a new connection)` } : second;
  }

  function sendOnce({ method, path, headers = {}, body }, via) {
    const started = Date.now();
    return new Promise((resolveSend) => {
      let settled = false;
      const done = (result) => {
        if (settled) return;
        settled = true;
        resolveSend({ ...result, ms: Date.now() - started });
      };
      let req;
      try {
        const allHeaders = { ...headers };
        if (body !== undefined && allHeaders['content-length'] === undefined) {
          allHeaders['content-length'] = String(body.length);
        }
        req = http.request({ hostname, port, method, path, headers: allHeaders, agent: via });
      } catch (error) {
        done({ error: `client refused to send: ${error.message}`, notSent: true });
        return;
      }
      req.setTimeout(timeoutMs, () => {
        req.destroy(Object.assign(new Error(`no answer within ${timeoutMs} ms`), { timedOut: true }));
      });
      req.on('error', (error) => done({ error: error.message, timedOut: error.timedOut }));
      req.on('response', (res) => {
        const chunks = [];
        let size = 0;
        let truncated = false;
        res.on('data', (chunk) => {
          if (size < MAX_BODY) chunks.push(chunk);
          else truncated = true;
          size += chunk.length;
        });
        res.on('end', () =>
          done({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks), truncated }),
        );
        // The status line came, the body did not: a stream that failed after its headers were sent.
        const cut = (why) =>
          done({ error: `answer cut off after HTTP ${res.statusCode} (${why})`, status: res.statusCode });
        res.on('aborted', () => cut('aborted'));
        res.on('error', (error) => cut(error.message));
      });
      req.end(body);
    });
  }

  return { send, close: () => agent.destroy() };
}
