import { randomBytes } from 'node:crypto';
import type { TestApp } from './test-app';

export interface Account {
  token: string;
  userId: string;
  organizationId: string;
  email: string;
  password: string;
  bearer: { Authorization: string };
}

export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}.${randomBytes(4).toString('hex')}@example.com.br`;
}

/** Signs up a new organization and its owner through the API. */
export async function registerAccount(t: TestApp, organizationName = 'Loja Teste'): Promise<Account> {
  const email = uniqueEmail('owner');
  const password = 'senha-forte-123';
  const res = await t.http
    .post('/api/v1/auth/register')
    .send({ organizationName, name: 'Maria Oliveira', email, password })
    .expect(201);
  const body = res.body as { accessToken: string; user: { id: string }; organization: { id: string } };
  return {
    token: body.accessToken,
    userId: body.user.id,
    organizationId: body.organization.id,
    email,
    password,
    bearer: { Authorization: `Bearer ${body.accessToken}` },
  };
}

/** Adds a user with the given role to the account's organization and signs in as that user. */
export async function addUser(t: TestApp, owner: Account, role: 'admin' | 'agent' = 'agent'): Promise<Account> {
  const email = uniqueEmail(role);
  const password = 'senha-do-agente-1';
  const created = await t.http
    .post('/api/v1/users')
    .set(owner.bearer)
    .send({ name: `Agente ${role}`, email, password, role })
    .expect(201);
  const login = await t.http.post('/api/v1/auth/login').send({ email, password }).expect(200);
  const token = (login.body as { accessToken: string }).accessToken;
  return {
    token,
    userId: (created.body as { id: string }).id,
    organizationId: owner.organizationId,
    email,
    password,
    bearer: { Authorization: `Bearer ${token}` },
  };
}

export async function createApiKey(
  t: TestApp,
  owner: Account,
  name = 'Integração',
): Promise<{ id: string; key: string }> {
  const res = await t.http.post('/api/v1/api-keys').set(owner.bearer).send({ name }).expect(201);
  return res.body as { id: string; key: string };
}
