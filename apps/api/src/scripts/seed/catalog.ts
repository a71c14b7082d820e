/** Fixed vocabulary of the demo organization (a Brazilian custom-furniture store that sells through WhatsApp). */

export const DEMO_COMPANY = 'Aurora Planejados';

export const FEMALE_NAMES = [
  'Ana',
  'Beatriz',
  'Camila',
  'Carolina',
  'Daniela',
  'Fernanda',
  'Gabriela',
  'Helena',
  'Isabela',
  'Juliana',
  'Larissa',
  'Letícia',
  'Luana',
  'Mariana',
  'Patrícia',
  'Priscila',
  'Rafaela',
  'Renata',
  'Sabrina',
  'Tatiane',
  'Vanessa',
  'Vitória',
  'Aline',
  'Bruna',
  'Cláudia',
  'Débora',
  'Érica',
  'Joana',
  'Lúcia',
  'Márcia',
  'Natália',
  'Sônia',
  'Conceição',
  'Valéria',
] as const;

export const MALE_NAMES = [
  'André',
  'Antônio',
  'Bruno',
  'Caio',
  'Carlos',
  'Daniel',
  'Diego',
  'Eduardo',
  'Felipe',
  'Fábio',
  'Gabriel',
  'Guilherme',
  'Gustavo',
  'Henrique',
  'João',
  'José',
  'Leonardo',
  'Lucas',
  'Marcelo',
  'Márcio',
  'Mateus',
  'Paulo',
  'Pedro',
  'Rafael',
  'Ricardo',
  'Rodrigo',
  'Sérgio',
  'Thiago',
  'Vinícius',
  'Wellington',
  'Otávio',
  'Luís',
] as const;

export const SURNAMES = [
  'Silva',
  'Santos',
  'Oliveira',
  'Souza',
  'Rodrigues',
  'Ferreira',
  'Alves',
  'Pereira',
  'Lima',
  'Gomes',
  'Costa',
  'Ribeiro',
  'Martins',
  'Carvalho',
  'Almeida',
  'Lopes',
  'Soares',
  'Fernandes',
  'Vieira',
  'Barbosa',
  'Rocha',
  'Dias',
  'Nascimento',
  'Andrade',
  'Moreira',
  'Nunes',
  'Marques',
  'Machado',
  'Mendes',
  'Freitas',
  'Cardoso',
  'Ramos',
  'Gonçalves',
  'Araújo',
  'Teixeira',
  'Correia',
  'Conceição',
  'Magalhães',
  'Brandão',
  'Simões',
] as const;

/** Area codes of the demo leads: state capitals and large cities across the country. */
export const DDDS = ['11', '21', '31', '41', '51', '61', '71', '81', '85', '48'] as const;

export const EMAIL_DOMAINS = ['gmail.com', 'hotmail.com', 'outlook.com', 'yahoo.com.br', 'uol.com.br', 'bol.com.br'];

export interface DemoUser {
  name: string;
  login: string;
  role: 'owner' | 'agent';
}

export const DEMO_USERS: readonly DemoUser[] = [
  { name: 'Mariana Albuquerque', login: 'mariana', role: 'owner' },
  { name: 'Rafael Nogueira', login: 'rafael', role: 'agent' },
  { name: 'Camila Duarte', login: 'camila', role: 'agent' },
  { name: 'Thiago Moreira', login: 'thiago', role: 'agent' },
];

export interface DemoStage {
  name: string;
  color: string;
  isClosed: boolean;
}

/** Shown between the default open stages and the closed one. */
export const EXTRA_STAGE: DemoStage = { name: 'Proposta enviada', color: '#8b5cf6', isClosed: false };

export interface Product {
  name: string;
  /** Typical deal value range in BRL. */
  min: number;
  max: number;
}

export const PRODUCTS: readonly Product[] = [
  { name: 'cozinha planejada', min: 9_000, max: 38_000 },
  { name: 'guarda-roupa sob medida', min: 4_500, max: 16_000 },
  { name: 'closet', min: 7_000, max: 25_000 },
  { name: 'home office', min: 3_200, max: 9_500 },
  { name: 'painel de TV', min: 1_800, max: 6_500 },
  { name: 'banheiro planejado', min: 2_500, max: 8_000 },
  { name: 'quarto infantil', min: 5_500, max: 14_000 },
  { name: 'lavanderia planejada', min: 2_200, max: 7_000 },
];

export type ClickIdKey = 'gclid' | 'gbraid' | 'fbclid' | 'ctwaclid' | 'ttclid';

/** How a lead reached the store: UTMs, click id and landing page. */
export interface TrafficProfile {
  key: string;
  weight: number;
  utmSource: string | null;
  utmMedium: string | null;
  campaigns: readonly (string | null)[];
  terms?: readonly string[];
  contents?: readonly string[];
  clickId?: ClickIdKey;
  /** Click-to-WhatsApp ads carry the ad id instead of a landing page. */
  withAdId?: boolean;
  landingPath?: string;
  /** Most of these tickets are opened by the WhatsApp ingestion rather than by an agent. */
  systemShare: number;
}

export const TRAFFIC: readonly TrafficProfile[] = [
  {
    key: 'google_search',
    weight: 22,
    utmSource: 'google',
    utmMedium: 'cpc',
    campaigns: ['search_cozinha_planejada', 'search_marca_aurora', 'pmax_moveis_planejados'],
    terms: [
      'cozinha planejada preço',
      'móveis planejados perto de mim',
      'guarda roupa sob medida',
      'aurora planejados',
      'closet planejado',
    ],
    clickId: 'gclid',
    landingPath: '/orcamento',
    systemShare: 0.3,
  },
  {
    key: 'google_ios',
    weight: 3,
    utmSource: 'google',
    utmMedium: 'cpc',
    campaigns: ['pmax_moveis_planejados'],
    clickId: 'gbraid',
    landingPath: '/orcamento',
    systemShare: 0.3,
  },
  {
    key: 'facebook_ads',
    weight: 13,
    utmSource: 'facebook',
    utmMedium: 'paid_social',
    campaigns: ['lancamento_linha_gourmet', 'remarketing_30d', 'semana_do_cliente'],
    contents: ['carrossel_cozinhas', 'video_depoimento', 'antes_e_depois'],
    clickId: 'fbclid',
    landingPath: '/cozinhas',
    systemShare: 0.4,
  },
  {
    key: 'instagram_ads',
    weight: 12,
    utmSource: 'instagram',
    utmMedium: 'paid_social',
    campaigns: ['stories_closet', 'reels_home_office', 'remarketing_30d'],
    contents: ['reels_tour_closet', 'stories_oferta', 'carrossel_home_office'],
    clickId: 'fbclid',
    landingPath: '/closets',
    systemShare: 0.4,
  },
  {
    key: 'click_to_whatsapp',
    weight: 15,
    utmSource: 'meta',
    utmMedium: 'click_to_whatsapp',
    campaigns: ['ctwa_orcamento_gratis', 'ctwa_promo_cozinha'],
    clickId: 'ctwaclid',
    withAdId: true,
    systemShare: 0.95,
  },
  {
    key: 'tiktok_ads',
    weight: 6,
    utmSource: 'tiktok',
    utmMedium: 'paid_social',
    campaigns: ['tiktok_antes_depois', 'tiktok_tour_showroom'],
    contents: ['video_ugc_1', 'video_ugc_2'],
    clickId: 'ttclid',
    landingPath: '/tiktok',
    systemShare: 0.5,
  },
  {
    key: 'google_organic',
    weight: 10,
    utmSource: 'google',
    utmMedium: 'organic',
    campaigns: [null],
    landingPath: '/blog/quanto-custa-cozinha-planejada',
    systemShare: 0.7,
  },
  {
    key: 'instagram_bio',
    weight: 7,
    utmSource: 'instagram',
    utmMedium: 'social',
    campaigns: ['link_na_bio'],
    landingPath: '/links',
    systemShare: 0.7,
  },
  {
    key: 'newsletter',
    weight: 4,
    utmSource: 'newsletter',
    utmMedium: 'email',
    campaigns: ['newsletter_semanal', 'newsletter_black_friday'],
    landingPath: '/ofertas',
    systemShare: 0.5,
  },
  {
    key: 'referral',
    weight: 2,
    utmSource: 'indicacao',
    utmMedium: 'referral',
    campaigns: ['programa_indique'],
    landingPath: '/indique',
    systemShare: 0.5,
  },
  {
    key: 'direct',
    weight: 8,
    utmSource: null,
    utmMedium: null,
    campaigns: [null],
    systemShare: 0.85,
  },
];

export const STORE_URL = 'https://www.auroraplanejados.com.br';
