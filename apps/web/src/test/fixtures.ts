import type {
  AuthResponse,
  MeResponse,
  Stage,
  TicketDetail,
  TicketList,
  TicketListItem,
  User,
} from '@whatrack/api-client';

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
  active: true,
  createdAt: '2025-01-10T12:00:00.000Z',
} satisfies AuthResponse['user'];

export const authResponse: AuthResponse = { accessToken: 'token-from-login', user, organization };

export const me: MeResponse = { principal: 'user', user, organization };

export const stages: Stage[] = [
  { id: 's2', name: 'Em negociação', color: '#f59e0b', order: 1, isClosed: false },
  { id: 's1', name: 'Novo', color: '#3b82f6', order: 0, isClosed: false },
  { id: 's3', name: 'Vendido', color: '#16a34a', order: 2, isClosed: true },
];

export const stageRefs = {
  novo: { id: 's1', name: 'Novo', color: '#3b82f6' },
  negociacao: { id: 's2', name: 'Em negociação', color: '#f59e0b' },
  vendido: { id: 's3', name: 'Vendido', color: '#16a34a' },
};

export const users: User[] = [
  user,
  {
    id: 'b1d2c3e4-0000-4000-8000-000000000002',
    name: 'Ana Souza',
    email: 'ana@loja.com',
    role: 'agent',
    active: true,
    createdAt: '2025-01-11T12:00:00.000Z',
  },
];

export function ticketItem(overrides: Partial<TicketListItem> = {}): TicketListItem {
  return {
    id: 't1',
    leadId: 'l1',
    leadName: 'João Silva',
    leadPhone: '+5511999998888',
    utmSource: 'google',
    sourceType: 'paid',
    platform: 'google_ads',
    stage: stageRefs.novo,
    assigneeId: null,
    assigneeName: null,
    dealValue: 1500,
    messagesCount: 12,
    salesCount: 0,
    totalValue: 0,
    status: 'open',
    createdAt: '2025-01-15T13:30:00.000Z',
    updatedAt: '2025-01-15T13:30:00.000Z',
    lastMessageAt: null,
    lastMessagePreview: null,
    lastMessageType: null,
    lastMessageDirection: null,
    unreadCount: 0,
    waitingSince: null,
    ...overrides,
  };
}

/** GET /tickets/views: the queue counts over open tickets. */
export const viewCounts = { mine: 3, unassigned: 5, waiting: 2, unread: 4 };

export function ticketList(items: TicketListItem[], overrides: Partial<TicketList> = {}): TicketList {
  return {
    items,
    total: items.length,
    page: 1,
    pageSize: 20,
    origins: ['google', 'facebook'],
    sources: ['paid', 'organic'],
    stages,
    summary: {
      total: items.length,
      withSales: items.filter((i) => i.salesCount > 0).length,
      dealValueOpen: items.filter((i) => i.status === 'open').reduce((sum, i) => sum + i.dealValue, 0),
      dealValueTotal: items.reduce((sum, i) => sum + i.dealValue, 0),
    },
    ...overrides,
  };
}

export function ticketDetail(overrides: Partial<TicketDetail> = {}): TicketDetail {
  return {
    id: 't1',
    status: 'open',
    sourceType: 'paid',
    creatorType: 'USER',
    dealValue: 1500,
    messagesCount: 2,
    firstResponseAt: null,
    lastMessageAt: null,
    lastMessagePreview: null,
    lastMessageType: null,
    lastMessageDirection: null,
    unreadCount: 0,
    waitingSince: null,
    replyWindow: { open: true, expiresAt: '2025-01-16T13:30:00.000Z' },
    salesCount: 0,
    totalValue: 0,
    leadId: 'l1',
    lead: { id: 'l1', name: 'João Silva', phone: '+5511999998888', email: 'joao@email.com' },
    conversation: {
      id: 'c1',
      instance: {
        id: 'i1',
        name: 'Atendimento',
        phoneNumber: '+5511912345678',
        provider: 'cloud_api',
        canSend: true,
      },
      lastInboundAt: '2025-01-15T13:30:00.000Z',
    },
    stage: stages[1] as Stage,
    assigneeId: null,
    assigneeName: null,
    tracking: {
      utmSource: 'google',
      utmMedium: 'cpc',
      utmCampaign: 'lead_gen',
      utmTerm: null,
      utmContent: null,
      platform: { key: 'google_ads', name: 'Google Ads' },
      adId: null,
      adHeadline: null,
      sourceUrl: null,
      identifiers: { gclid: 'EAIaIQobChMI' },
    },
    sales: [],
    events: [],
    touches: [],
    closedAt: null,
    createdAt: '2025-01-15T13:30:00.000Z',
    updatedAt: '2025-01-15T13:30:00.000Z',
    ...overrides,
  };
}

/** The session of an agent: sees and works the tickets, but the API refuses them the settings' writes. */
export const agentMe: MeResponse = {
  principal: 'user',
  user: { ...user, id: 'b1d2c3e4-0000-4000-8000-000000000002', name: 'Ana Souza', role: 'agent' },
  organization,
};
