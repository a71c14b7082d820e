import { API_ERROR_CODE_LIST } from '@whatrack/shared';
import { createTestApp, type TestApp } from '../support/test-app';

describe('API documentation', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('serves Swagger UI at /docs and the document at /docs-json, with both auth schemes and the error body', async () => {
    const ui = await t.http.get('/docs').redirects(1).expect(200);
    expect(ui.text).toContain('swagger-ui');
    const doc = (await t.http.get('/docs-json').expect(200)).body;
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['apiKey', 'bearer']);
    expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: 'apiKey', in: 'header', name: 'x-api-key' });
    expect(doc.components.schemas.ErrorResponseDto.required).toEqual(
      expect.arrayContaining(['statusCode', 'error', 'message']),
    );
  });

  it('documents every error code clients can meet, each with its meaning', async () => {
    const doc = (await t.http.get('/docs-json').expect(200)).body;
    const code = doc.components.schemas.ErrorResponseDto.properties.code;
    expect(doc.components.schemas.ApiErrorCode.enum).toEqual(API_ERROR_CODE_LIST);
    for (const known of API_ERROR_CODE_LIST) expect(code.description).toContain(`- \`${known}\`: `);
    // The codes this suite's requests meet are in the catalogue (an unlisted one would fail the type check first).
    const wrong = await t.http.post('/api/v1/auth/login').send({ email: 'x@example.com', password: 'wrong-pass' });
    expect([wrong.status, wrong.body.code]).toEqual([401, 'invalid_credentials']);
    const missing = await t.http.get('/api/v1/nowhere');
    expect([missing.status, missing.body.code]).toEqual([404, 'route_not_found']);
  });

  it('gives every operation a unique operationId and documents errors; public ones need no credentials', async () => {
    const doc = (await t.http.get('/docs-json').expect(200)).body;
    const ids: string[] = [];
    for (const [path, item] of Object.entries<Record<string, any>>(doc.paths)) {
      for (const op of Object.values<Record<string, any>>(item)) {
        ids.push(op.operationId);
        expect(op.operationId).toMatch(/^[a-z][A-Za-z]+$/);
        expect(op.responses['400']).toBeDefined();
        const isPublic = Array.isArray(op.security) && op.security.length === 0;
        if (!isPublic) expect(op.responses['401']).toBeDefined();
        if (['/api/v1/health', '/api/v1/auth/login', '/api/v1/auth/register'].includes(path))
          expect(isPublic).toBe(true);
      }
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining(['createTicket', 'listTickets', 'listInbounds', 'updateTicket', 'createSale']),
    );
  });
});
