import { MessageDirection } from '@whatrack/shared';
import type { NormalizedMessage } from './inbound.types';
import { clip, fitMessage } from './message-fit';

const receivedAt = new Date('2026-12-01T12:00:00Z');
const base: NormalizedMessage = {
  providerMessageId: 'wamid.1',
  direction: MessageDirection.IN,
  waId: '5511988887777',
  waUserId: null,
  contactName: 'Ana',
  type: 'text',
  body: 'oi',
  sentAt: new Date('2026-12-01T11:59:00Z'),
  referral: null,
  raw: {},
};

describe('fitMessage', () => {
  it('leaves an ordinary message as it is', () => {
    expect(fitMessage(base, receivedAt)).toEqual(base);
  });

  it('turns an over-long provider id into a stable digest that fits the column', () => {
    const long = { ...base, providerMessageId: 'x'.repeat(300) };
    const a = fitMessage(long, receivedAt).providerMessageId;
    expect(a).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(fitMessage(long, receivedAt).providerMessageId).toBe(a);
    expect(fitMessage({ ...long, providerMessageId: 'y'.repeat(300) }, receivedAt).providerMessageId).not.toBe(a);
  });

  it('cuts display fields to their columns without splitting an emoji', () => {
    const fitted = fitMessage({ ...base, type: 't'.repeat(40), contactName: '😀'.repeat(200) }, receivedAt);
    expect(fitted.type).toHaveLength(32);
    expect([...fitted.contactName!]).toHaveLength(160);
    expect(fitted.contactName!.isWellFormed()).toBe(true);
    expect(clip('ab😀c', 3)).toBe('ab😀');
  });

  it('keeps the digits of a number with stray characters, and files a number with none under a stable id', () => {
    expect(fitMessage({ ...base, waId: '+55 (11) 98888-7777' }, receivedAt).waId).toBe('5511988887777');
    const junk = fitMessage({ ...base, waId: 'not-a-number' }, receivedAt);
    expect(junk).toMatchObject({ waId: null, waUserId: 'wa_id:not-a-number' });
    expect(fitMessage({ ...base, waId: '9'.repeat(40) }, receivedAt).waId).toBeNull();
  });

  it('replaces an absurd or invalid timestamp by the time of receipt', () => {
    for (const sentAt of [new Date(0), new Date(8.64e15), new Date(Number.NaN), new Date('2027-01-01T00:00:00Z')]) {
      expect(fitMessage({ ...base, sentAt }, receivedAt).sentAt).toEqual(receivedAt);
    }
  });

  it('drops a click id too long to store and cuts the ad id, keeping the referral', () => {
    const referral = { ctwaClid: 'c'.repeat(600), sourceId: '9'.repeat(300), sourceUrl: 'https://x', headline: 'h' };
    expect(fitMessage({ ...base, referral }, receivedAt).referral).toEqual({
      ctwaClid: null,
      sourceId: '9'.repeat(255),
      sourceUrl: 'https://x',
      headline: 'h',
    });
  });
});
