import type { AuthResponse, MeResponse, Stage } from '@whatrack/api-client';

export const organization = {
  id: '5b0f7a8e-8d5f-4a4e-9a51-0d3c7f4f2b11',
  name: 'Loja da Maria',
  timezone: 'America/Sao_Paulo',
  currency: 'BRL',
  createdAt: '2025-01-10T12:00:00.000Z',
} satisfies AuthResponse['organization'];

export const user = {
  id: 'a7c2f1d4-3b7e-4c55-8f0e-2d9b6e1a4c33',
  name: 'Maria Oliveira',
  email: 'maria@lojadamaria.com.br',
  role: 'owner',
  createdAt: '2025-01-10T12:00:00.000Z',
} satisfies AuthResponse['user'];

export const authResponse: AuthResponse = { accessToken: 'token-from-login', user, organization };

export const me: MeResponse = { principal: 'user', user, organization };

export const stages: Stage[] = [
  { id: 's2', name: 'Em negociação', color: '#f59e0b', order: 1, isClosed: false },
  { id: 's1', name: 'Novo', color: '#3b82f6', order: 0, isClosed: false },
  { id: 's3', name: 'Vendido', color: '#16a34a', order: 2, isClosed: true },
];
