import { randomBytes, randomUUID } from 'node:crypto';
import { DEFAULT_STAGES } from '../../modules/stages/ensure-ticket-stages';
import { DEMO_COMPANY, DEMO_USERS, type DemoStage, EXTRA_STAGE } from './catalog';
import {
  DAY,
  DAYS_BACK,
  type DemoOptions,
  type DemoUserRow,
  iso,
  type Row,
  type Stage,
  tenantRow,
} from './demo-context';

/** The organization itself and its fixed rows: users, WhatsApp instances and ticket stages. */
export interface DemoOrganization {
  organization: Row & { id: string; name: string };
  createdAt: number;
  users: DemoUserRow[];
  userRows: (Row & DemoUserRow)[];
  owner: DemoUserRow;
  agents: DemoUserRow[];
  /** The Evolution instance (store) and the Cloud API one (online sales). */
  instanceIds: { main: string; cloud: string };
  instanceRows: Row[];
  stages: Stage[];
  stageRows: Row[];
}

/** A random 15-digit id, unique across organizations (Cloud API ids are globally unique). */
function cloudApiId(): string {
  return String(100_000_000_000_000 + Math.floor(Math.random() * 899_999_999_999_999));
}

/** Evolution webhooks authenticate with the instance's token (as the API creates it). */
function webhookToken(): string {
  return randomBytes(24).toString('hex');
}

export function buildOrganization(options: Pick<DemoOptions, 'now' | 'runTag' | 'passwordHash'>): DemoOrganization {
  const { runTag } = options;
  const createdAt = options.now.getTime() - (DAYS_BACK + 5) * DAY;
  const organization = {
    id: randomUUID(),
    name: `${DEMO_COMPANY} (demo ${runTag})`,
    timezone: 'America/Sao_Paulo',
    currency: 'BRL',
    created_at: iso(createdAt),
    updated_at: iso(createdAt),
  };
  const org = organization.id;

  const users: DemoUserRow[] = DEMO_USERS.map((u) => ({
    id: randomUUID(),
    name: u.name,
    email: `${u.login}.${runTag}@auroraplanejados.com.br`,
    role: u.role,
  }));
  const userRows = users.map(
    (u) => tenantRow(org, { ...u, password_hash: options.passwordHash }, createdAt) as Row & DemoUserRow,
  );

  const main = { id: randomUUID(), name: 'Atendimento Loja', phone: '+5511940028922' };
  const cloud = { id: randomUUID(), name: 'Vendas Online (Cloud API)', phone: '+5511930307070' };
  const instanceRows = [
    tenantRow(
      org,
      {
        id: main.id,
        name: main.name,
        phone_number: main.phone,
        provider: 'evolution',
        provider_phone_number_id: `aurora-loja-${runTag}`,
        provider_business_account_id: null,
        webhook_token: webhookToken(),
      },
      createdAt,
    ),
    tenantRow(
      org,
      {
        id: cloud.id,
        name: cloud.name,
        phone_number: cloud.phone,
        provider: 'cloud_api',
        provider_phone_number_id: cloudApiId(),
        provider_business_account_id: cloudApiId(),
        webhook_token: webhookToken(),
      },
      createdAt,
    ),
  ];

  const stageDefs: DemoStage[] = [
    ...DEFAULT_STAGES.filter((s) => !s.isClosed),
    EXTRA_STAGE,
    ...DEFAULT_STAGES.filter((s) => s.isClosed),
  ];
  const stages: Stage[] = stageDefs.map((s) => ({ id: randomUUID(), name: s.name, isClosed: s.isClosed }));
  const stageRows = stageDefs.map((s, position) =>
    tenantRow(
      org,
      { id: stages[position].id, name: s.name, color: s.color, position, is_closed: s.isClosed },
      createdAt,
    ),
  );

  return {
    organization,
    createdAt,
    users,
    userRows,
    owner: users[0],
    agents: users.slice(1),
    instanceIds: { main: main.id, cloud: cloud.id },
    instanceRows,
    stages,
    stageRows,
  };
}
