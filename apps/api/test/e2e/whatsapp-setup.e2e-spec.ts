import { createTestApp, type TestApp } from '../support/test-app';
import { addUser, registerAccount } from '../support/fixtures';

type Setup = { publicUrl: string; ready: boolean; items: { key: string; envVar: string; ok: boolean }[] };

// One app at a time: passport's strategies are process-wide, so the last app created authenticates for all.
describe('GET /whatsapp-instances/setup', () => {
  describe('on a server without the WhatsApp settings', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp();
    });
    afterAll(async () => {
      await t.close();
    });

    it('names each missing setting with its environment variable', async () => {
      const owner = await registerAccount(t, 'Loja Setup');
      const setup = (await t.http.get('/api/v1/whatsapp-instances/setup').set(owner.bearer).expect(200)).body as Setup;
      expect(setup.ready).toBe(false);
      expect(setup.publicUrl).toMatch(/^http:\/\/localhost:/);
      expect(setup.items).toEqual([
        { key: 'public_url', envVar: 'PUBLIC_URL', ok: false, cloudApiOnly: false },
        { key: 'verify_token', envVar: 'WHATSAPP_VERIFY_TOKEN', ok: false, cloudApiOnly: true },
        { key: 'app_secret', envVar: 'WHATSAPP_APP_SECRET', ok: false, cloudApiOnly: true },
      ]);
    });

    it('needs authentication', async () => {
      const response = await t.http.get('/api/v1/whatsapp-instances/setup').expect(401);
      expect(response.body).toMatchObject({ statusCode: 401, code: 'unauthorized' });
    });
  });

  describe('on a server with every setting', () => {
    const SECRET = 'app-secret-that-must-not-leak';
    const TOKEN = 'verify-token-that-must-not-leak';
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({
        PUBLIC_URL: 'https://crm.loja.com.br/',
        WHATSAPP_APP_SECRET: SECRET,
        WHATSAPP_VERIFY_TOKEN: TOKEN,
      });
    });
    afterAll(async () => {
      await t.close();
    });

    it('says ready, to agents too, and never shows the values', async () => {
      const agent = await addUser(t, await registerAccount(t, 'Loja Pronta'), 'agent');
      const response = await t.http.get('/api/v1/whatsapp-instances/setup').set(agent.bearer).expect(200);
      const setup = response.body as Setup;
      expect(setup).toMatchObject({ publicUrl: 'https://crm.loja.com.br', ready: true });
      expect(setup.items.map((i) => i.ok)).toEqual([true, true, true]);
      expect(response.text).not.toContain(SECRET);
      expect(response.text).not.toContain(TOKEN);
    });
  });
});
