import { createApiKey } from '../support/fixtures';
import { META_ACCESS_TOKEN, useConversionsFixture, type Item } from '../support/conversions-fixture';

describe('conversions: Meta settings', () => {
  const app = useConversionsFixture();

  it('answers defaults before anything is saved', async () => {
    const res = await app.http.get('/api/v1/conversions/meta-settings').set(app.agent.bearer).expect(200);
    expect(res.body).toEqual({
      enabled: false,
      datasetId: null,
      whatsappBusinessAccountId: null,
      graphApiBaseUrl: 'https://graph.facebook.com/v21.0',
      hasAccessToken: false,
      stageRule: null,
    });
  });

  it('lets only owners and admins change them', async () => {
    await app.putSettings(app.settingsBody({ accessToken: META_ACCESS_TOKEN }), app.agent).expect(403);
    const key = await createApiKey(app.t, app.owner);
    await app.http
      .put('/api/v1/conversions/meta-settings')
      .set('X-API-Key', key.key)
      .send(app.settingsBody({ accessToken: META_ACCESS_TOKEN }))
      .expect(403);
  });

  it('validates the fields and what enabling needs', async () => {
    const missing = await app.putSettings({ enabled: true }).expect(400);
    expect(missing.body.details.map((d: Item) => d.field)).toEqual([
      'datasetId',
      'accessToken',
      'whatsappBusinessAccountId',
    ]);
    const bad = await app
      .putSettings({
        enabled: 'yes',
        datasetId: 'abc',
        graphApiBaseUrl: 'ftp://graph',
        stageRule: { stageId: 'x', eventName: '1 bad' },
      })
      .expect(400);
    expect(bad.body.details.map((d: Item) => d.field)).toEqual([
      'enabled',
      'datasetId',
      'graphApiBaseUrl',
      'stageRule.stageId',
      'stageRule.eventName',
    ]);
    // A ticket id is not a stage of the organization.
    await app
      .putSettings(
        app.settingsBody({
          accessToken: META_ACCESS_TOKEN,
          stageRule: { stageId: app.ids.TA, eventName: 'LeadSubmitted' },
        }),
      )
      .expect(404);
  });

  it('stores the access token encrypted and never returns it', async () => {
    const res = await app.putSettings(app.settingsBody({ accessToken: META_ACCESS_TOKEN })).expect(200);
    expect(res.body).toEqual({
      enabled: true,
      datasetId: '987654321',
      whatsappBusinessAccountId: '1122334455',
      graphApiBaseUrl: app.fake.base,
      hasAccessToken: true,
      stageRule: { stageId: app.stages[1].id, eventName: 'LeadSubmitted' },
    });
    const [row] = await app.dataSource.query('SELECT access_token_encrypted FROM meta_settings');
    expect(row.access_token_encrypted).toMatch(/^v1\./);
    expect(JSON.stringify(row)).not.toContain('test-token');
    // Saving again without the token keeps it.
    const again = await app.putSettings(app.settingsBody()).expect(200);
    expect(again.body.hasAccessToken).toBe(true);
    const got = await app.http.get('/api/v1/conversions/meta-settings').set(app.owner.bearer).expect(200);
    expect(got.body).toEqual(res.body);
    expect(JSON.stringify(got.body)).not.toContain('token-123');
  });
});
