import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { apiError, createFakeFetch, json, lastQuery } from '../../test/fakeApi';
import { me, stages, users } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

const metrics = {
  tickets: 42,
  ticketsWithSales: 9,
  conversionRate: 0.2143,
  salesCount: 11,
  revenue: 15400.5,
  dealValueOpen: 22000,
  spend: 3200,
  cpl: 76.19,
  roas: 4.8127,
};
const period = { dateRange: '30d', dateFrom: '2026-02-01', dateTo: '2026-03-02' };

function attribution(groupBy: string) {
  return {
    groupBy,
    period,
    timezone: 'America/Sao_Paulo',
    currency: 'BRL',
    totals: metrics,
    rows: [
      { ...metrics, key: 'google_ads', label: 'Google Ads', tickets: 30, revenue: 12000, spend: 2000, roas: 6 },
      {
        ...metrics,
        key: '(none)',
        label: '(none)',
        tickets: 12,
        revenue: 3400.5,
        spend: null,
        cpl: null,
        roas: null,
      },
    ],
  };
}

const duration = (count: number, medianSeconds: number | null, p90Seconds: number | null) => ({
  count,
  medianSeconds,
  p90Seconds,
});

function support(groupBy: string | null) {
  const byAgent = groupBy === 'agent';
  return {
    period,
    timezone: 'America/Sao_Paulo',
    groupBy,
    total: {
      key: 'all',
      label: 'all',
      tickets: 42,
      firstResponse: duration(30, 420, 5400),
      resolution: duration(9, 90000, 200000),
    },
    rows: byAgent
      ? [
          {
            key: 'u1',
            label: 'Ana Souza',
            tickets: 40,
            firstResponse: duration(30, 45, 600),
            resolution: duration(9, 7200, 9000),
          },
          {
            key: '(none)',
            label: '(none)',
            tickets: 2,
            firstResponse: duration(0, null, null),
            resolution: duration(0, null, null),
          },
        ]
      : [
          {
            key: '2026-03-01',
            label: '2026-03-01',
            tickets: 42,
            firstResponse: duration(30, 420, 5400),
            resolution: duration(9, 90000, 200000),
          },
        ],
    stages: [
      { stageId: 's1', name: 'Novo', color: '#3b82f6', order: 0, isClosed: false, time: duration(42, 3900, 86400) },
      { stageId: 's2', name: 'Vendido', color: '#10b981', order: 1, isClosed: true, time: duration(0, null, null) },
    ],
  };
}

function renderReports(path = '/dashboard/reports?period=30d', attributionAnswer?: () => Response) {
  const fetch = createFakeFetch({
    'GET /api/v1/auth/me': () => json(200, me),
    'GET /api/v1/stages': () => json(200, { items: stages }),
    'GET /api/v1/users': () => json(200, { items: users }),
    'GET /api/v1/reports/attribution': (request) =>
      attributionAnswer?.() ?? json(200, attribution(new URL(request.url).searchParams.get('groupBy') ?? 'platform')),
    'GET /api/v1/reports/timeseries': () =>
      json(200, {
        interval: 'day',
        metric: 'revenue',
        groupBy: 'platform',
        period,
        timezone: 'America/Sao_Paulo',
        currency: 'BRL',
        buckets: ['2026-03-01', '2026-03-02'],
        totals: [100, 200],
        series: [{ key: 'google_ads', label: 'Google Ads', total: 300, values: [100, 200] }],
      }),
    'GET /api/v1/reports/support': (request) => json(200, support(new URL(request.url).searchParams.get('groupBy'))),
    'GET /api/v1/reports/funnel': () =>
      json(200, {
        period,
        timezone: 'America/Sao_Paulo',
        total: 42,
        stages: [
          { stageId: 's1', name: 'Novo', color: '#3b82f6', order: 0, isClosed: false, current: 20, reached: 42 },
          { stageId: 's2', name: 'Vendido', color: '#10b981', order: 1, isClosed: true, current: 9, reached: 9 },
        ],
      }),
  });
  return { fetch, ...renderApp(path, { fetch, storedToken: 'token' }) };
}

describe('ReportsPage', () => {
  it('shows the totals and the rows of the attribution report in pt-BR formats', async () => {
    const { fetch } = renderReports();

    await waitFor(() => expect(screen.getByTestId('kpi-tickets')).toHaveTextContent('Tickets42'));
    expect(screen.getByTestId('kpi-conversionRate')).toHaveTextContent('21,4%');
    expect(screen.getByTestId('kpi-revenue')).toHaveTextContent('R$ 15.400,50');
    expect(screen.getByTestId('kpi-spend')).toHaveTextContent('R$ 3.200,00');
    expect(screen.getByTestId('kpi-roas')).toHaveTextContent('4,81x');

    const google = screen.getByRole('row', { name: /Google Ads/ });
    expect(google).toHaveTextContent('R$ 12.000,00');
    expect(google).toHaveTextContent('6,00x');
    expect(screen.getByRole('row', { name: /\(sem valor\)/ })).toHaveTextContent('—');
    expect(lastQuery(fetch, 'GET /api/v1/reports/attribution')).toEqual({ dateRange: '30d', groupBy: 'platform' });
    expect(await screen.findByText(/42 passaram · 20 agora/)).toBeInTheDocument();
  });

  it('sorts the columns and switches the grouping', async () => {
    const { fetch } = renderReports();
    const user = userEvent.setup();

    await screen.findByRole('row', { name: /Google Ads/ });
    const table = within(screen.getByRole('region', { name: 'Atribuição' })).getByRole('table');
    const firstRow = () => within(table).getAllByRole('row')[1];
    expect(firstRow()).toHaveTextContent('Google Ads');
    await user.click(within(table).getByRole('button', { name: 'Tickets' }));
    expect(firstRow()).toHaveTextContent('(sem valor)');

    const attribution = screen.getByRole('region', { name: 'Atribuição' });
    await user.selectOptions(within(attribution).getByRole('combobox', { name: 'Agrupar por' }), 'utmCampaign');
    await waitFor(() =>
      expect(lastQuery(fetch, 'GET /api/v1/reports/attribution')).toMatchObject({ groupBy: 'utmCampaign' }),
    );
    expect(await screen.findByRole('columnheader', { name: /Campanha/ })).toBeInTheDocument();
  });

  it('shows an error with a retry when the report fails', async () => {
    renderReports('/dashboard/reports', () => apiError(500, 'Internal Server Error', 'Falha no relatório'));
    expect((await screen.findAllByText('Falha no relatório')).length).toBeGreaterThan(0);
  });

  it('shows the support times per agent in readable durations, and per day when regrouped', async () => {
    const { fetch } = renderReports();
    const user = userEvent.setup();
    const region = await screen.findByRole('region', { name: 'Atendimento' });

    const ana = await within(region).findByRole('row', { name: /Ana Souza/ });
    expect(
      within(ana)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['40', '45 s', '10 min', '2 h', '2 h 30 min']);
    expect(within(region).getByRole('row', { name: /Sem atendente/ })).toHaveTextContent('—');
    expect(within(region).getByRole('row', { name: /Total/ })).toHaveTextContent('1 d 1 h');
    expect(lastQuery(fetch, 'GET /api/v1/reports/support')).toEqual({ dateRange: '30d', groupBy: 'agent' });
    const stagesRegion = screen.getByRole('region', { name: 'Tempo em cada etapa' });
    expect(within(stagesRegion).getByText('42 passagens · mediana 1 h 5 min · p90 1 d')).toBeInTheDocument();
    expect(within(stagesRegion).getByText('Nenhuma passagem no período')).toBeInTheDocument();

    await user.selectOptions(within(region).getByRole('combobox', { name: 'Agrupar por' }), 'day');
    expect(await within(region).findByRole('row', { name: /01\/03\/2026/ })).toHaveTextContent('7 min');
    expect(lastQuery(fetch, 'GET /api/v1/reports/support')).toMatchObject({ groupBy: 'day' });
  });
});
