import { isReachablePublicUrl } from './whatsapp-setup';

describe('isReachablePublicUrl', () => {
  it('takes https addresses on public hosts', () => {
    expect(isReachablePublicUrl('https://crm.loja.com.br')).toBe(true);
    expect(isReachablePublicUrl('https://crm.loja.com.br:8443/base')).toBe(true);
    expect(isReachablePublicUrl('https://8.8.8.8')).toBe(true);
  });

  it('refuses what Meta cannot deliver to: plain http, local names, non-public addresses, garbage', () => {
    expect(isReachablePublicUrl('http://crm.loja.com.br')).toBe(false);
    expect(isReachablePublicUrl('https://localhost:3000')).toBe(false);
    expect(isReachablePublicUrl('https://api.localhost')).toBe(false);
    expect(isReachablePublicUrl('https://servidor.local')).toBe(false);
    expect(isReachablePublicUrl('https://intranet')).toBe(false);
    expect(isReachablePublicUrl('https://127.0.0.1')).toBe(false);
    expect(isReachablePublicUrl('https://192.168.0.10')).toBe(false);
    expect(isReachablePublicUrl('https://[::1]')).toBe(false);
    expect(isReachablePublicUrl('not a url')).toBe(false);
  });
});
