import { TicketSourceType } from '@whatrack/shared';
import { derivePlatformKey, deriveSourceType, isPaidMedium } from './attribution';

describe('attribution', () => {
  it('takes the platform from the click ids first', () => {
    expect(derivePlatformKey(['google_ads'], 'facebook')).toBe('google_ads');
  });

  it('falls back to the utm source', () => {
    expect(derivePlatformKey([], 'Google')).toBe('google_ads');
    expect(derivePlatformKey([], 'instagram')).toBe('meta_ads');
    expect(derivePlatformKey([], 'tiktok')).toBe('tiktok_ads');
    expect(derivePlatformKey([], 'newsletter')).toBeNull();
    expect(derivePlatformKey([], null)).toBeNull();
  });

  it('does not make an ad platform of organic traffic from an ad network source', () => {
    expect(derivePlatformKey([], 'google', 'organic')).toBeNull();
    expect(derivePlatformKey([], 'instagram', 'Social')).toBeNull();
    expect(derivePlatformKey([], 'facebook', 'referral')).toBeNull();
    expect(derivePlatformKey([], 'google', 'cpc')).toBe('google_ads');
    expect(derivePlatformKey([], 'facebook', undefined)).toBe('meta_ads');
    expect(derivePlatformKey(['google_ads'], 'google', 'organic')).toBe('google_ads');
  });

  it('classifies paid and organic', () => {
    expect(deriveSourceType(true, null)).toBe(TicketSourceType.PAID);
    expect(deriveSourceType(false, 'CPC')).toBe(TicketSourceType.PAID);
    expect(deriveSourceType(false, 'paid_social')).toBe(TicketSourceType.PAID);
    expect(deriveSourceType(false, 'email')).toBe(TicketSourceType.ORGANIC);
    expect(deriveSourceType(false, undefined)).toBe(TicketSourceType.ORGANIC);
    expect(isPaidMedium('organic')).toBe(false);
  });
});
