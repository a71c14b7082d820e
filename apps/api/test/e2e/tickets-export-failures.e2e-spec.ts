import { jest } from '@jest/globals';
import { TicketPageReader } from '../../src/modules/tickets/ticket-page-reader';
import {
  ERROR_BODY,
  createInstance,
  createTicket,
  registerAccount,
  uniquePhone,
  type Account,
} from '../support/fixtures';
import { createTestApp, type TestApp } from '../support/test-app';

describe('the CSV export fails visibly', () => {
  let t: TestApp;
  let owner: Account;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await registerAccount(t);
    const instance = await createInstance(t, owner);
    for (let i = 0; i < 3; i++) {
      await createTicket(t, owner, { lead: { name: `Lead ${i}`, phone: uniquePhone() }, instanceId: instance.id });
    }
  });

  afterEach(() => jest.restoreAllMocks());

  afterAll(async () => {
    await t.close();
  });

  it('answers a failure before the first line as a JSON error, not a text/plain 400', async () => {
    jest.spyOn(TicketPageReader.prototype, 'rowsFrom').mockRejectedValueOnce(new Error('database gone'));
    const res = await t.http.get('/api/v1/tickets/export.csv').set(owner.bearer);
    expect(res.status).toBe(500);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.body).toMatchObject({ ...ERROR_BODY, code: 'internal_error' });
  });

  it('cuts the connection when a later batch fails, so a partial file never looks complete', async () => {
    const real = TicketPageReader.prototype.rowsFrom;
    jest
      .spyOn(TicketPageReader.prototype, 'rowsFrom')
      .mockImplementationOnce(async function (this: TicketPageReader, filter, sort, _limit, from) {
        // A first batch of one row that claims more follow, then a failure on the second.
        const batch = await real.call(this, filter, sort, 1, from);
        return batch;
      })
      .mockRejectedValueOnce(new Error('connection lost mid-export'));
    await expect(t.http.get('/api/v1/tickets/export.csv').set(owner.bearer)).rejects.toThrow();
  });

  it('writes the phone as a value: no quote before a leading +', async () => {
    const csv = (await t.http.get('/api/v1/tickets/export.csv').set(owner.bearer).expect(200)).text;
    expect(csv).toMatch(/,\+55119\d{8},/);
    expect(csv).not.toContain(",'+55");
  });
});
