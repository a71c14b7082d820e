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
  scopes?: string[],
): Promise<{ id: string; key: string }> {
  const res = await t.http.post('/api/v1/api-keys').set(owner.bearer).send({ name, scopes }).expect(201);
  return res.body as { id: string; key: string };
}

/** Any body in the API's one error shape (a jest matcher). */
export const ERROR_BODY = {
  statusCode: expect.any(Number),
  error: expect.any(String),
  code: expect.any(String),
  message: expect.any(String),
};

/** An Evolution API instance, with the token its webhooks must carry. */
export async function createInstance(
  t: TestApp,
  owner: Account,
  phoneNumber = '+55 11 91234-5678',
): Promise<{ id: string; webhookToken: string }> {
  const res = await t.http
    .post('/api/v1/whatsapp-instances')
    .set(owner.bearer)
    .send({ name: 'Atendimento', phoneNumber, provider: 'evolution' })
    .expect(201);
  return res.body as { id: string; webhookToken: string };
}

export interface StageRef {
  id: string;
  name: string;
  isClosed: boolean;
}

export async function listStages(t: TestApp, account: Account): Promise<StageRef[]> {
  return (await t.http.get('/api/v1/stages').set(account.bearer).expect(200)).body.items as StageRef[];
}

let phoneSeq = 0;

/** A new valid Brazilian mobile number (+55 11 9xxxx-xxxx) for each call. */
export function uniquePhone(): string {
  phoneSeq += 1;
  const suffix = String((process.pid * 1000 + phoneSeq) % 100_000_000).padStart(8, '0');
  return `+55119${suffix}`;
}

export async function createTicket(
  t: TestApp,
  account: Account,
  body: Record<string, unknown>,
): Promise<Record<string, any>> {
  const res = await t.http.post('/api/v1/tickets').set(account.bearer).send(body);
  if (res.status !== 201) throw new Error(`POST /tickets answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as Record<string, any>;
}
