import { act, renderHook } from '@testing-library/react';
import i18n from 'i18next';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { me } from '../../test/fixtures';
import { SessionContext, type SessionContextValue } from '../auth/SessionContext';
import { useOrganizationFormat } from './useOrganizationFormat';

function wrapperFor(organization: Partial<typeof me.organization>) {
  const value: SessionContextValue = {
    session: { status: 'authenticated', me: { ...me, organization: { ...me.organization, ...organization } } },
    signIn: () => undefined,
    signOut: () => undefined,
    renewToken: () => undefined,
  };
  return ({ children }: { children: ReactNode }) => <SessionContext value={value}>{children}</SessionContext>;
}

describe('useOrganizationFormat', () => {
  it('uses the organization currency and time zone', () => {
    const { result } = renderHook(() => useOrganizationFormat(), {
      wrapper: wrapperFor({ currency: 'BRL', timezone: 'America/Sao_Paulo' }),
    });
    expect(result.current.money(1500)).toBe('R$\u00a01.500,00');
    expect(result.current.dateTime('2025-01-15T13:30:00Z')).toBe('15/01/2025, 10:30');
  });

  it('follows the UI language', async () => {
    const { result } = renderHook(() => useOrganizationFormat(), {
      wrapper: wrapperFor({ currency: 'USD', timezone: 'America/Manaus' }),
    });
    await act(() => i18n.changeLanguage('en'));
    expect(result.current.money(1500)).toBe('$1,500.00');
    expect(result.current.date('2025-01-15T03:00:00Z')).toBe('01/14/2025');
  });
});
