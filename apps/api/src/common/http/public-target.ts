// TEMPORARY placeholder until the creds branch lands (it replaces this file with the checked implementation).
export async function publicRequest(
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string; timeoutMs: number; allowPrivate: boolean },
): Promise<{ status: number; text: string }> {
  const response = await fetch(url, {
    method: init.method,
    headers: init.headers,
    body: init.body,
    redirect: 'error',
    signal: AbortSignal.timeout(init.timeoutMs),
  });
  return { status: response.status, text: await response.text() };
}
