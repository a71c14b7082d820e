// A stand-in for Meta's Graph API on loopback: every token is refused as Meta refuses an invalid one (HTTP 401,
// OAuthException 190), so setting a Cloud API instance's accessToken exercises the verification path and its 400
// instead of a network failure (a 502 that would say nothing about the API).
import { createServer } from 'node:http';

export async function startFakeGraph() {
  let requests = 0;
  const server = createServer((req, res) => {
    requests++;
    req.resume();
    res.writeHead(401, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        error: { message: 'Invalid OAuth access token.', type: 'OAuthException', code: 190, fbtrace_id: 'FUZZ' },
      }),
    );
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    baseUrl: `http://127.0.0.1:${port}/v21.0`,
    get requests() {
      return requests;
    },
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}
