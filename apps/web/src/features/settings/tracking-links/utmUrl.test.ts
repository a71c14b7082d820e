import { describe, expect, it } from 'vitest';
import { EMPTY_UTMS, utmUrl } from './utmUrl';

describe('utmUrl', () => {
  it('adds the filled parameters, URL-encoded, and leaves blank ones out', () => {
    expect(
      utmUrl('https://app.example.com/t/abc', {
        ...EMPTY_UTMS,
        utm_source: 'google',
        utm_campaign: 'tênis & meias',
        utm_term: ' corrida=rápida ',
      }),
    ).toBe(
      'https://app.example.com/t/abc?utm_source=google&utm_campaign=t%C3%AAnis+%26+meias&utm_term=corrida%3Dr%C3%A1pida',
    );
  });

  it('gives the link back unchanged when no field is filled', () => {
    expect(utmUrl('https://app.example.com/t/abc', EMPTY_UTMS)).toBe('https://app.example.com/t/abc');
  });
});
