/**
 * `npm run demo:data`: writes the demo program of Chorus into `data/`.
 *
 * The company is "Northwind Analytics", an invented B2B analytics and reporting software
 * vendor, with four quarterly NPS waves (2025-Q4 to 2026-Q3). Everything is drawn from a
 * seeded pseudo-random generator, so two runs write byte-identical files.
 *
 * The story the reports should find:
 *  - detractors keep naming the reporting module's usability (`reporting usability`);
 *  - accounts with automated reporting are mostly promoters (NPS about +45 against about 0);
 *  - NPS falls in 2026-Q2 after a reporting redesign (with an incident and ticket spike)
 *    and recovers in 2026-Q3 after a fix;
 *  - smaller effects: Enterprise slightly higher, Partner implementations lower, APAC slightly
 *    lower, decision makers slightly higher than users, confidential answers about a point lower.
 *
 * It deletes and rewrites only: data/program.yml, data/accounts.csv, data/contacts.csv,
 * data/responses/*.csv, data/invitations/*.csv, data/metrics.csv and data/followups.csv.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SEED = 20260828;
const DATA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'data');

// ---------------------------------------------------------------------------------------------
// Seeded randomness
// ---------------------------------------------------------------------------------------------

/** FNV-1a of a label, mixed with the seed: one independent stream per part of the data. */
function streamSeed(label: string): number {
  let h = 0x811c9dc5 ^ SEED;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32 with a few helpers. */
class Random {
  private state: number;

  constructor(label: string) {
    this.state = streamSeed(label);
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Whole number in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const v = items[Math.floor(this.next() * items.length)];
    if (v === undefined) throw new Error('pick from an empty list');
    return v;
  }

  /** Standard normal (Box–Muller). */
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of entries) total += w;
    let r = this.next() * total;
    for (const [v, w] of entries) {
      r -= w;
      if (r < 0) return v;
    }
    const last = entries[entries.length - 1];
    if (last === undefined) throw new Error('weighted pick from an empty list');
    return last[0];
  }

  /** Up to k distinct items, each drawn in proportion to its weight. */
  sample<T>(entries: readonly (readonly [T, number])[], k: number): T[] {
    const pool = entries.filter(([, w]) => w > 0).map(([v, w]) => [v, w] as const);
    const out: T[] = [];
    while (out.length < k && pool.length > 0) {
      const chosen = this.weighted(pool);
      out.push(chosen);
      pool.splice(
        pool.findIndex(([v]) => v === chosen),
        1,
      );
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Dates, CSV, small helpers
// ---------------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const toDay = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const fromDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
const addDays = (iso: string, n: number): string => fromDay(toDay(iso) + n);
/** 0 = Sunday … 6 = Saturday. */
const weekday = (iso: string): number => new Date(toDay(iso) * DAY_MS).getUTCDay();

type Cell = string | number | boolean;

function csvField(value: Cell): string {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const lines = [header.map(csvField).join(',')];
  for (const row of rows) lines.push(row.map(csvField).join(','));
  return lines.join('\n') + '\n';
}

function at<T>(items: readonly T[], i: number): T {
  const v = items[i];
  if (v === undefined) throw new Error(`index ${i} out of range`);
  return v;
}

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));
const pct = (part: number, whole: number): string => (whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`);

/** NPS and the variance of its estimate (points²), for the wave-to-wave z statistics. */
function npsWithVariance(scores: readonly number[]): { nps: number; variance: number } {
  const n = Math.max(1, scores.length);
  const p = scores.filter((s) => s >= 9).length / n;
  const d = scores.filter((s) => s <= 6).length / n;
  return { nps: 100 * (p - d), variance: (10_000 * (p + d - (p - d) ** 2)) / n };
}

function nps(scores: readonly number[]): number {
  if (scores.length === 0) return 0;
  let promoters = 0;
  let detractors = 0;
  for (const s of scores) {
    if (s >= 9) promoters++;
    else if (s <= 6) detractors++;
  }
  return (100 * (promoters - detractors)) / scores.length;
}

const signed = (n: number): string => `${n >= 0 ? '+' : ''}${n.toFixed(1)}`;

/** An ASCII e-mail local part from a Latin-script name part. */
function asciiSlug(s: string): string {
  const special: Record<string, string> = { ł: 'l', Ł: 'l', ø: 'o', Ø: 'o', ß: 'ss', æ: 'ae', Æ: 'ae', đ: 'd', Đ: 'd', ı: 'i', œ: 'oe' };
  return s
    .split('')
    .map((ch) => special[ch] ?? ch)
    .join('')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

// ---------------------------------------------------------------------------------------------
// Program settings
// ---------------------------------------------------------------------------------------------

interface Wave {
  id: string;
  label: string;
  opened: string;
  closed: string;
  /** Compact form used in response ids, e.g. 2026Q1. */
  code: string;
}

const WAVES: readonly Wave[] = [
  { id: '2025-Q4', label: 'Q4 2025', opened: '2025-11-03', closed: '2025-11-28', code: '2025Q4' },
  { id: '2026-Q1', label: 'Q1 2026', opened: '2026-02-02', closed: '2026-02-27', code: '2026Q1' },
  { id: '2026-Q2', label: 'Q2 2026', opened: '2026-05-04', closed: '2026-05-29', code: '2026Q2' },
  { id: '2026-Q3', label: 'Q3 2026', opened: '2026-08-03', closed: '2026-08-28', code: '2026Q3' },
];
const LATEST = WAVES.length - 1;

const SIGNATORY = { name: 'Helena Marsh', title: 'Chief Customer Officer', email: 'helena.marsh@northwind.example' };

function programYaml(): string {
  const waves = WAVES.map((w) => `  - { id: ${w.id}, label: ${w.label}, opened: ${w.opened}, closed: ${w.closed}, as_of: ${w.closed} }`).join('\n');
  return `# Chorus demo program: Northwind Analytics, an invented B2B analytics software company.
# Generated by \`npm run demo:data\` (scripts/demo-data.ts) together with the CSV files in
# this folder. Do not edit by hand: change the generator and run it again. Every name,
# company, score and comment in this folder is invented.
program:
  name: Northwind customer feedback
  company: Northwind Analytics
  signatory: { name: ${SIGNATORY.name}, title: ${SIGNATORY.title}, email: ${SIGNATORY.email} }
currency: USD
min_group_size: 5
waves:
${waves}
segments:
  - { id: region, label: Region, source: account }
  - { id: tier, label: Tier, source: account }
  - { id: product, label: Product, source: account }
  - { id: implementation, label: Implementation, source: account }
  - { id: automated_reporting, label: Automated reporting, source: account }
account_weighting: role
benchmarks:
  - { name: B2B software industry median, nps: 29, kind: industry, source: B2B SaaS Customer Experience Benchmark Study (illustrative), year: 2026 }
  - { name: Competitor A (public filings), nps: 21, kind: competitor, year: 2026 }
metrics:
  activations: { label: New activations, higher_is_better: true }
  incidents: { label: Production incidents, higher_is_better: false }
  support_tickets: { label: Support tickets, higher_is_better: false }
  median_ticket_resolution_hours: { label: Median ticket resolution (hours), higher_is_better: false }
  renewals: { label: Renewals, kind: financial, higher_is_better: true }
  renewal_value: { label: Renewal value, higher_is_better: true }
  arr: { label: Annual recurring revenue, higher_is_better: true }
  churned_arr: { label: Churned ARR, higher_is_better: false }
attributes:
  - { id: product_quality, label: Product quality, column: rating_product_quality, scale: [1, 5], themes: [reliability, dashboard performance] }
  - { id: support, label: Support, column: rating_support, scale: [1, 5], themes: [support responsiveness] }
  - { id: onboarding, label: Onboarding, column: rating_onboarding, scale: [1, 5], themes: [onboarding] }
  - { id: billing, label: Billing, column: rating_billing, scale: [1, 5], themes: [pricing] }
  - { id: reporting, label: Reporting, column: rating_reporting, scale: [1, 5], themes: [reporting usability] }
overall_satisfaction: { column: overall_satisfaction, label: Overall satisfaction, scale: [1, 5] }
customer_site:
  contact_email: feedback@northwind.example
  base_url: https://feedback.northwind.example
  next_wave: in November 2026
  accent_color: "#0b5cad"
finance:
  at_risk: { detractor: 0.3, passive: 0.1, promoter: 0 }
  growth: { detractor: 0, passive: 0.03, promoter: 0.1 }
  arr_bands: [25000, 100000, 250000]
`;
}

// ---------------------------------------------------------------------------------------------
// Accounts
// ---------------------------------------------------------------------------------------------

type Region = 'North America' | 'EMEA' | 'APAC' | 'LATAM';
type Tier = 'Enterprise' | 'Mid-market' | 'SMB';
type Product = 'Insights' | 'Insights + Forecast' | 'Embedded';
type Implementation = 'Guided' | 'Self-serve' | 'Partner';

interface Account {
  id: string;
  name: string;
  domain: string;
  arr: number;
  renewalDate: string;
  owner: string;
  region: Region;
  tier: Tier;
  product: Product;
  implementation: Implementation;
  automated: boolean;
  /** Account-level response propensity (logit scale). */
  engagement: number;
  /** Account-level satisfaction offset (score points). */
  mood: number;
}

const ACCOUNT_COUNT = 320;

const OWNERS: Record<Region, readonly string[]> = {
  'North America': ['Megan Holloway', 'Derek Whitfield', 'Priya Raman', 'Carlos Medina', 'Jenna Kowalczyk'],
  EMEA: ['Sophie Laurent', 'Tobias Brandt', 'Amara Okafor', 'Niamh Gallagher'],
  APAC: ['Kenji Mori', 'Olivia Tan'],
  LATAM: ['Mariana Costa'],
};

const NAME_STEMS = [
  'Alder',
  'Amberly',
  'Beacon',
  'Bluefin',
  'Brightwater',
  'Cedarline',
  'Cobalt',
  'Copperleaf',
  'Crestline',
  'Driftwood',
  'Eastgate',
  'Evergreen',
  'Fairhaven',
  'Foxglove',
  'Granite',
  'Greyhawk',
  'Harborview',
  'Highland',
  'Ironwood',
  'Juniper',
  'Kestrel',
  'Keystone',
  'Lakeshore',
  'Larkspur',
  'Lumen',
  'Maplecrest',
  'Meridian',
  'Nimbus',
  'Oakridge',
  'Orchard',
  'Pinecrest',
  'Pioneer',
  'Quarry',
  'Redwood',
  'Riverbend',
  'Saltmarsh',
  'Silverline',
  'Sterling',
  'Summit',
  'Tidewater',
  'Trailhead',
  'Upland',
  'Vantage',
  'Verdant',
  'Westbrook',
  'Willowby',
  'Yarrow',
  'Zephyr',
];
const NAME_TRADES = [
  'Logistics',
  'Health',
  'Foods',
  'Manufacturing',
  'Retail',
  'Energy',
  'Financial',
  'Insurance',
  'Media',
  'Pharma',
  'Telecom',
  'Freight',
  'Hospitality',
  'Outdoor',
  'Apparel',
  'Biotech',
  'Construction',
  'Labs',
  'Robotics',
  'Marine',
  'Dental',
  'Mobility',
  'Packaging',
  'Textiles',
  'Capital',
  'Properties',
  'Systems',
  'Networks',
  'Brewing',
  'Farms',
  'Materials',
  'Learning',
  'Travel',
  'Clinics',
  'Components',
];
const NAME_SUFFIXES: Record<Region, readonly (readonly [string, number])[]> = {
  'North America': [
    ['', 5],
    [' Inc.', 3],
    [', Inc.', 1],
    [' Group', 2],
    [', LLC', 1],
    [' Co.', 1],
    [' Partners', 1],
  ],
  EMEA: [
    ['', 5],
    [' Ltd', 3],
    [' GmbH', 2],
    [' AG', 1],
    [' S.A.', 1],
    [' B.V.', 1],
    [' Group', 2],
  ],
  APAC: [
    ['', 5],
    [' Pty Ltd', 2],
    [' K.K.', 1],
    [' Pte. Ltd.', 2],
    [' Group', 2],
    [' Holdings', 1],
  ],
  LATAM: [
    ['', 5],
    [' S.A.', 3],
    [' S.A. de C.V.', 2],
    [' Ltda.', 2],
    [' Group', 1],
  ],
};

function makeAccounts(): Account[] {
  const rng = new Random('accounts');
  const used = new Set<string>();
  const accounts: Account[] = [];
  const renewalStart = toDay('2026-01-01');
  const renewalEnd = toDay('2027-06-30');
  for (let i = 1; i <= ACCOUNT_COUNT; i++) {
    const region = rng.weighted<Region>([
      ['North America', 45],
      ['EMEA', 30],
      ['APAC', 15],
      ['LATAM', 10],
    ]);
    const tier = rng.weighted<Tier>([
      ['Enterprise', 20],
      ['Mid-market', 40],
      ['SMB', 40],
    ]);
    let stem: string;
    for (;;) {
      stem = `${rng.pick(NAME_STEMS)} ${rng.pick(NAME_TRADES)}`;
      if (!used.has(stem)) break;
    }
    used.add(stem);
    const name = stem + rng.weighted(NAME_SUFFIXES[region]);
    const domain = `${asciiSlug(stem)}.example`;
    // ARR: log-uniform within the tier's band, rounded to $100.
    const [lo, hi] = tier === 'Enterprise' ? [150_000, 900_000] : tier === 'Mid-market' ? [40_000, 150_000] : [8_000, 40_000];
    const arr = clamp(Math.round(Math.exp(Math.log(lo) + rng.next() * (Math.log(hi) - Math.log(lo))) / 100) * 100, lo, hi);
    const renewalDate = fromDay(rng.int(renewalStart, renewalEnd));
    const owner = rng.pick(OWNERS[region]);
    const product = rng.weighted<Product>(
      tier === 'SMB'
        ? [
            ['Insights', 60],
            ['Insights + Forecast', 20],
            ['Embedded', 20],
          ]
        : [
            ['Insights', 45],
            ['Insights + Forecast', 35],
            ['Embedded', 20],
          ],
    );
    const implementation = rng.weighted<Implementation>(
      tier === 'Enterprise'
        ? [
            ['Guided', 55],
            ['Self-serve', 15],
            ['Partner', 30],
          ]
        : tier === 'Mid-market'
          ? [
              ['Guided', 40],
              ['Self-serve', 40],
              ['Partner', 20],
            ]
          : [
              ['Guided', 25],
              ['Self-serve', 60],
              ['Partner', 15],
            ],
    );
    const pAutomated = implementation === 'Guided' ? 0.48 : implementation === 'Self-serve' ? 0.25 : 0.2;
    accounts.push({
      id: `A${String(i).padStart(4, '0')}`,
      name,
      domain,
      arr,
      renewalDate,
      owner,
      region,
      tier,
      product,
      implementation,
      automated: rng.chance(pAutomated),
      engagement: rng.normal(0, 1.1),
      mood: rng.normal(0, 0.6),
    });
  }
  return accounts;
}

// ---------------------------------------------------------------------------------------------
// Contacts
// ---------------------------------------------------------------------------------------------

type Lang = 'de' | 'fr' | 'es' | 'ja' | 'ar';
type Role = 'Decision maker' | 'Influencer' | 'User';

interface Origin {
  first: readonly string[];
  last: readonly string[];
  /** Names written in their own script, with the romanised e-mail local part. */
  native?: readonly (readonly [string, string])[];
  lang?: Lang;
}

const ORIGINS = {
  english: {
    first: [
      'James',
      'Emily',
      'Michael',
      'Sarah',
      'David',
      'Olivia',
      'Daniel',
      'Hannah',
      'Ryan',
      'Grace',
      'Thomas',
      'Chloe',
      'Matthew',
      'Laura',
      'Andrew',
      'Megan',
      'Chris',
      'Rachel',
      'Brian',
      'Kate',
      'Jordan',
      'Taylor',
      'Marcus',
      'Jasmine',
      'Nathan',
      'Abigail',
      'Tyrone',
      'Fiona',
      'Liam',
      'Imogen',
    ],
    last: [
      'Smith',
      'Johnson',
      'Brown',
      'Taylor',
      'Wilson',
      'Clarke',
      'Walker',
      'Hughes',
      'Bennett',
      'Foster',
      'Reed',
      'Price',
      'Murphy',
      "O'Brien",
      'Sullivan',
      'Campbell',
      'Morgan',
      'Fletcher',
      'Harris',
      'Coleman',
      'Brooks',
      'Ellis',
      'Graham',
      'McKenzie',
      'Washington',
      'Okafor',
    ],
  },
  hispanic: {
    first: ['José', 'María', 'Lucía', 'Andrés', 'Sofía', 'Martín', 'Camila', 'Diego', 'Valentina', 'Javier', 'Ana', 'Carlos', 'Isabel', 'Mateo', 'Ximena', 'Raúl', 'Inés', 'Tomás'],
    last: [
      'García',
      'Rodríguez',
      'Martínez',
      'López',
      'Hernández',
      'González',
      'Pérez',
      'Sánchez',
      'Ramírez',
      'Torres',
      'Flores',
      'Álvarez',
      'Ortiz',
      'Muñoz',
      'Gutiérrez',
      'Navarro',
      'Peña',
    ],
    lang: 'es',
  },
  portuguese: {
    first: ['João', 'Beatriz', 'Lucas', 'Mariana', 'Thiago', 'Larissa', 'Rafael', 'Júlia', 'Gustavo', 'Letícia', 'Fábio', 'Camila'],
    last: ['Silva', 'Santos', 'Oliveira', 'Souza', 'Pereira', 'Costa', 'Gonçalves', 'Araújo', 'Fernandes', 'Ribeiro', 'Conceição', 'Lima'],
  },
  german: {
    first: ['Jürgen', 'Zoë', 'Lena', 'Felix', 'Anna', 'Lukas', 'Katrin', 'Stefan', 'Sophie', 'Matthias', 'Jörg', 'Birgit', 'Jonas', 'Miriam'],
    last: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Becker', 'Schäfer', 'Hoffmann', 'Köhler', 'Krüger', 'Groß', 'Wagner', 'Braun'],
    lang: 'de',
  },
  french: {
    first: ['Élodie', 'François', 'Camille', 'Léa', 'Mathieu', 'Hélène', 'Julien', 'Chloé', 'Amélie', 'Théo', 'Gaëlle', 'Benoît'],
    last: ['Dubois', 'Lefèvre', 'Moreau', 'Laurent', 'Girard', 'Rousseau', 'Bonnet', 'Fontaine', 'Chevalier', 'Mercier', 'Lemaître'],
    lang: 'fr',
  },
  polish: {
    first: ['Łukasz', 'Agnieszka', 'Paweł', 'Małgorzata', 'Katarzyna', 'Piotr', 'Zofia', 'Wojciech', 'Michał', 'Ewa'],
    last: ['Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Lewandowski', 'Zieliński', 'Dąbrowski', 'Szymański', 'Kaczmarek'],
  },
  nordic: {
    first: ['Sanne', 'Jeroen', 'Ingrid', 'Lars', 'Astrid', 'Søren', 'Maja', 'Björn', 'Freya', 'Henrik', 'Anouk'],
    last: ['de Vries', 'Jansen', 'Bakker', 'Lindqvist', 'Johansson', 'Sørensen', 'Nieminen', 'Øberg', 'van Dijk', 'Halvorsen'],
  },
  arabic: {
    first: ['Omar', 'Layla', 'Youssef', 'Fatima', 'Karim', 'Nour', 'Hassan', 'Amira', 'Rania', 'Tariq'],
    last: ['Haddad', 'Mansour', 'Khalil', 'Farouk', 'Nasser', 'El-Amin', 'Saleh', 'Aziz', 'Rahman'],
    native: [
      ['محمد علي', 'mohamed.ali'],
      ['فاطمة حسن', 'fatima.hassan'],
      ['عمر خليل', 'omar.khalil'],
      ['ليلى منصور', 'layla.mansour'],
      ['يوسف حداد', 'youssef.haddad'],
      ['كريم ناصر', 'karim.nasser'],
      ['أميرة صالح', 'amira.saleh'],
      ['حسن عزيز', 'hassan.aziz'],
    ],
    lang: 'ar',
  },
  turkish: {
    first: ['Ayşe', 'Mehmet', 'Elif', 'Emre', 'Zeynep', 'Burak', 'Gökhan', 'Özge'],
    last: ['Yılmaz', 'Demir', 'Şahin', 'Çelik', 'Aydın', 'Öztürk', 'Kaya'],
  },
  indian: {
    first: ['Priya', 'Arjun', 'Ananya', 'Rohan', 'Kavya', 'Vikram', 'Sneha', 'Rahul', 'Deepika', 'Aditya', 'Meera', 'Sanjay'],
    last: ['Sharma', 'Patel', 'Iyer', 'Reddy', 'Nair', 'Gupta', 'Mehta', 'Rao', 'Kapoor', 'Banerjee', 'Menon'],
  },
  japanese: {
    first: ['Aiko', 'Haruto', 'Yui', 'Kenji', 'Sakura', 'Takumi', 'Mei', 'Daisuke', 'Yuki', 'Ren', 'Emi', 'Shota'],
    last: ['Tanaka', 'Suzuki', 'Takahashi', 'Watanabe', 'Ito', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Sato', 'Kato', 'Ōta'],
    native: [
      ['山田 花子', 'hanako.yamada'],
      ['佐藤 健', 'ken.sato'],
      ['鈴木 美咲', 'misaki.suzuki'],
      ['高橋 翔', 'sho.takahashi'],
      ['中村 由美', 'yumi.nakamura'],
      ['小林 直樹', 'naoki.kobayashi'],
      ['伊藤 さくら', 'sakura.ito'],
      ['渡辺 大輔', 'daisuke.watanabe'],
    ],
    lang: 'ja',
  },
  chinese: {
    first: ['Wei', 'Xin', 'Jing', 'Hao', 'Mei Lin', 'Yan', 'Jun', 'Lei', 'Xiaoling', 'Zhen'],
    last: ['Chen', 'Wang', 'Li', 'Zhang', 'Liu', 'Huang', 'Lin', 'Zhao', 'Wu'],
    native: [
      ['陈 伟', 'wei.chen'],
      ['王 芳', 'fang.wang'],
      ['李 娜', 'na.li'],
      ['张 磊', 'lei.zhang'],
    ],
  },
  korean: {
    first: ['Ji-woo', 'Min-jun', 'Seo-yeon', 'Hyun-woo', 'Soo-ah', 'Jae-won'],
    last: ['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang'],
  },
  vietnamese: {
    first: ['Lan', 'Minh', 'Huy', 'Thảo', 'Quang', 'Ngọc'],
    last: ['Nguyễn', 'Trần', 'Phạm', 'Đặng', 'Lê', 'Võ'],
  },
} as const satisfies Record<string, Origin>;
type OriginName = keyof typeof ORIGINS;

const ORIGIN_MIX: Record<Region, readonly (readonly [OriginName, number])[]> = {
  'North America': [
    ['english', 58],
    ['hispanic', 12],
    ['indian', 8],
    ['chinese', 6],
    ['korean', 3],
    ['vietnamese', 3],
    ['german', 2],
    ['french', 3],
    ['arabic', 2],
    ['japanese', 1],
    ['polish', 2],
  ],
  EMEA: [
    ['english', 25],
    ['german', 18],
    ['french', 15],
    ['polish', 8],
    ['nordic', 10],
    ['hispanic', 8],
    ['arabic', 8],
    ['turkish', 4],
    ['indian', 4],
  ],
  APAC: [
    ['english', 25],
    ['japanese', 20],
    ['chinese', 18],
    ['indian', 18],
    ['korean', 8],
    ['vietnamese', 6],
  ],
  LATAM: [
    ['hispanic', 55],
    ['portuguese', 35],
    ['english', 10],
  ],
};

/** Named people that must appear in the demo (they exercise non-ASCII handling). */
const FEATURED: readonly { name: string; local: string; region: Region; lang?: Lang }[] = [
  { name: 'José Álvarez', local: 'jose.alvarez', region: 'LATAM' },
  { name: 'Zoë Müller', local: 'zoe.muller', region: 'EMEA' },
  { name: 'Łukasz Nowak', local: 'lukasz.nowak', region: 'EMEA' },
  { name: 'Aiko Tanaka', local: 'aiko.tanaka', region: 'APAC' },
  { name: '山田 花子', local: 'hanako.yamada', region: 'APAC', lang: 'ja' },
  { name: 'محمد علي', local: 'mohamed.ali', region: 'EMEA', lang: 'ar' },
];

interface Contact {
  id: string;
  account: Account;
  name: string;
  email: string;
  role: Role;
  /** Index of the first wave the contact could be invited to. */
  joinWave: number;
  /** False for contacts who opted out of surveys or whose address bounces. */
  reachable: boolean;
  /** Answers confidentially in every wave. */
  confidential: boolean;
  /** Writes comments in this language instead of English. */
  writes: Lang | null;
  engagement: number;
  mood: number;
}

/** Chance that a contact whose name suggests German, French, Spanish, Japanese or Arabic writes comments in it. */
const P_WRITES_NATIVE = 0.09;
/** The same, for contacts whose name is written in Japanese or Arabic script. */
const P_WRITES_NATIVE_SCRIPT = 0.6;

function makeContacts(accounts: readonly Account[]): Contact[] {
  const rng = new Random('contacts');
  const contacts: Contact[] = [];
  const featured = [...FEATURED];
  /** How often each name is in use: a name appears at most twice in the whole demo. */
  const nameUse = new Map<string, number>();
  for (const account of accounts) {
    const n = account.tier === 'Enterprise' ? rng.int(5, 8) : account.tier === 'Mid-market' ? rng.int(3, 6) : rng.int(2, 5);
    const locals = new Set<string>();
    const names = new Set<string>();
    for (let k = 0; k < n; k++) {
      let name = '';
      let local: string;
      let writes: Lang | null;
      const f = featured.findIndex((p) => p.region === account.region);
      if (f >= 0 && k === 1 && rng.chance(0.25)) {
        const p = at(featured, f);
        featured.splice(f, 1);
        name = p.name;
        local = p.local;
        writes = p.lang ?? null;
      } else {
        for (;;) {
          const originName = rng.weighted(ORIGIN_MIX[account.region]);
          const origin: Origin = ORIGINS[originName];
          if (origin.native !== undefined && rng.chance(0.1)) {
            const [n0, l0] = rng.pick(origin.native);
            name = n0;
            local = l0;
            writes = origin.lang !== undefined && rng.chance(P_WRITES_NATIVE_SCRIPT) ? origin.lang : null;
          } else {
            const first = rng.pick(origin.first);
            const last = rng.pick(origin.last);
            name = `${first} ${last}`;
            local = `${asciiSlug(first)}.${asciiSlug(last)}`;
            writes = origin.lang !== undefined && rng.chance(P_WRITES_NATIVE) ? origin.lang : null;
          }
          if (!names.has(name) && (nameUse.get(name) ?? 0) < 2 && !FEATURED.some((p) => p.name === name)) break;
        }
      }
      names.add(name);
      nameUse.set(name, (nameUse.get(name) ?? 0) + 1);
      let unique = local;
      for (let suffix = 2; locals.has(unique); suffix++) unique = `${local}${suffix}`;
      locals.add(unique);
      const role: Role = k === 0 || (k === 1 && account.tier === 'Enterprise' && rng.chance(0.25)) ? 'Decision maker' : rng.chance(0.35) ? 'Influencer' : 'User';
      contacts.push({
        id: `C${String(contacts.length + 1).padStart(5, '0')}`,
        account,
        name,
        email: `${unique}@${account.domain}`,
        role,
        joinWave:
          k === 0
            ? 0
            : rng.weighted([
                [0, 76],
                [1, 8],
                [2, 8],
                [3, 8],
              ]),
        reachable: rng.chance(0.92),
        confidential: rng.chance(0.25),
        writes,
        engagement: rng.normal(0, 0.5),
        mood: rng.normal(0, 0.6),
      });
    }
  }
  // Any featured person not placed yet takes over a non-decision-maker in a matching region.
  for (const p of featured) {
    const c = contacts.find((x) => x.account.region === p.region && x.role !== 'Decision maker' && !FEATURED.some((q) => q.name === x.name));
    if (c === undefined) continue;
    c.name = p.name;
    c.email = `${p.local}@${c.account.domain}`;
    c.writes = p.lang ?? null;
  }
  return contacts;
}

// ---------------------------------------------------------------------------------------------
// Scores
// ---------------------------------------------------------------------------------------------

/** Base of the latent score (before the per-wave offset). */
const BASE_SCORE = 8.15;
/**
 * Automated reporting is the single biggest driver of the score. Its bonus is solved for
 * (like the wave offsets below) so that, over all waves, accounts with automated reporting
 * score this many NPS points above those without (about +43 against about -2).
 */
const AUTOMATED_NPS_GAP = 45;
/**
 * What happened in each wave: the April 2026 reporting redesign (2026-Q2) hurt accounts that
 * build their reports by hand far more than those with automated reporting; the July fix
 * (2026-Q3) undid most of it.
 */
const WAVE_EFFECT_MANUAL = [0, -0.1, -0.45, -0.1];
const WAVE_EFFECT_AUTOMATED = [0, -0.05, -0.2, 0];
/**
 * The NPS each wave should show. Sampling noise alone moves a wave's NPS by ±3 points, so
 * on top of the effects above each wave gets a small common offset, solved for (bisection
 * over the wave's own, already drawn latent scores) so the wave lands on its target.
 * 2026-Q1 and 2026-Q2 are 15 and 5 rather than 14 and 6 so that the drop (about 700
 * answers a wave) is statistically significant, z about -2.6; with 14 and 6 it is only -2.0.
 */
const WAVE_NPS_TARGET = [18, 15, 5, 15];
const CONFIDENTIAL_SHIFT = -0.95;
const P_RESPOND_BASE = 0.76; // logit of the average contact's response probability

/** A respondent's latent score, before the wave's offset and the automated-reporting bonus. */
function latentScore(rng: Random, c: Contact, wave: number): number {
  const a = c.account;
  let x = BASE_SCORE + a.mood + c.mood;
  x += a.automated ? at(WAVE_EFFECT_AUTOMATED, wave) : at(WAVE_EFFECT_MANUAL, wave);
  x += a.tier === 'Enterprise' ? 0.15 : a.tier === 'SMB' ? -0.05 : 0;
  x += a.implementation === 'Partner' ? -0.55 : a.implementation === 'Guided' ? 0.1 : 0;
  x += a.region === 'APAC' ? -0.05 : 0;
  x += a.product === 'Insights + Forecast' ? 0.15 : a.product === 'Embedded' ? -0.1 : 0;
  x += c.role === 'Decision maker' ? 0.2 : c.role === 'User' ? -0.08 : 0;
  x += c.confidential ? CONFIDENTIAL_SHIFT : 0;
  x += rng.normal(0, 1.05);
  // An occasional bad experience drags a single answer down.
  if (rng.chance(0.06)) x -= 2 + 2 * rng.next();
  return x;
}

interface Draft {
  contact: Contact;
  submittedAt: string;
  latent: number;
}

const scoreOf = (d: Draft, offset: number, bonus: number): number => clamp(Math.round(d.latent + offset + (d.contact.account.automated ? bonus : 0)), 0, 10);

/** Bisection for the x where an increasing step function f comes closest to target. */
function solve(f: (x: number) => number, target: number, lo: number, hi: number): number {
  let a = lo;
  let b = hi;
  for (let i = 0; i < 30; i++) {
    const mid = (a + b) / 2;
    if (f(mid) < target) a = mid;
    else b = mid;
  }
  return Math.abs(f(a) - target) < Math.abs(f(b) - target) ? a : b;
}

/**
 * The automated-reporting bonus and the per-wave offsets: for a given bonus, each wave's
 * offset brings the wave to its NPS target; the bonus is then chosen so the gap between
 * accounts with and without automated reporting matches AUTOMATED_NPS_GAP.
 */
function calibrate(waves: readonly (readonly Draft[])[]): { bonus: number; offsets: number[] } {
  const offsetsFor = (bonus: number): number[] => waves.map((drafts, wi) => solve((x) => nps(drafts.map((d) => scoreOf(d, x, bonus))), at(WAVE_NPS_TARGET, wi), -4, 4));
  const gapFor = (bonus: number): number => {
    const offsets = offsetsFor(bonus);
    const yes: number[] = [];
    const no: number[] = [];
    waves.forEach((drafts, wi) => {
      for (const d of drafts) (d.contact.account.automated ? yes : no).push(scoreOf(d, at(offsets, wi), bonus));
    });
    return nps(yes) - nps(no);
  };
  const bonus = solve(gapFor, AUTOMATED_NPS_GAP, 0, 4);
  return { bonus, offsets: offsetsFor(bonus) };
}

// ---------------------------------------------------------------------------------------------
// Themes and comments
// ---------------------------------------------------------------------------------------------

type Theme =
  | 'reporting usability'
  | 'dashboard performance'
  | 'support responsiveness'
  | 'onboarding'
  | 'pricing'
  | 'data connectors'
  | 'forecast accuracy'
  | 'account team'
  | 'documentation'
  | 'reliability';
type Tone = 'neg' | 'mixed' | 'pos';
type Group = 'detractor' | 'passive' | 'promoter';

const group = (score: number): Group => (score <= 6 ? 'detractor' : score <= 8 ? 'passive' : 'promoter');

/** Sentences per theme and tone. `redesign` lines appear from 2026-Q2, `fixed` lines in 2026-Q3. */
interface Bank {
  neg: readonly string[];
  mixed: readonly string[];
  pos: readonly string[];
  redesignNeg?: readonly string[];
  fixedMixed?: readonly string[];
  fixedPos?: readonly string[];
  incidentNeg?: readonly string[];
}

const PHRASES: Record<Theme, Bank> = {
  'reporting usability': {
    neg: [
      'Building a report still takes far too many clicks.',
      'Our analysts spend hours every month rebuilding the same reports by hand.',
      "The report editor is confusing; new team members can't use it without help.",
      'Exporting a report to Excel breaks the formatting, every single time.',
      "Scheduling a report should be simple, but it isn't.",
      'Why is "Save as template" buried three menus deep?',
      'Changing one filter across a whole report pack means editing every page separately.',
    ],
    redesignNeg: [
      'Since the reporting redesign, nobody on my team can find anything.',
      'The new report builder is a step backwards. We lost the "quick filters" we relied on.',
      'After the April release our monthly board pack takes twice as long to put together.',
      'The redesign moved every menu we use, and filters now reset when you switch tabs.',
      'Please bring back the old report editor, or at least an option to use it.',
    ],
    mixed: [
      'Reports are powerful, but getting them to look right takes too long.',
      'The reporting module does what we need once it is set up; the setup is painful.',
      'Would love a simpler, "one-click" version of the standard reports.',
      'Report building is fine for analysts, less so for everyone else.',
    ],
    fixedMixed: [
      'The July update fixed the worst of the report builder problems, though it is still slower than it used to be.',
      'Reporting is better since the fix, but the redesign still confuses occasional users.',
    ],
    pos: [
      'Scheduled reports land in our inbox every Monday, and nobody has to touch them.',
      'Automated reporting saves my team a full day each month.',
      'Report templates make the monthly review painless.',
    ],
    fixedPos: ['Thanks for listening on the report builder: the latest fix made a real difference.'],
  },
  'dashboard performance': {
    neg: [
      'Dashboards take 30+ seconds to load on a Monday morning.',
      "Large dashboards time out, so we've had to split them into smaller ones.",
      'Filtering a dashboard with more than a few widgets is painfully slow.',
      'Performance has got worse as our data has grown.',
    ],
    mixed: ['Dashboards are useful but can be sluggish with bigger data sets.', 'Mostly fine, although the executive dashboard is slow at month-end.'],
    pos: ['Dashboards are fast, even with our full sales history loaded.', 'The dashboards load quickly and the team actually uses them.'],
  },
  'support responsiveness': {
    neg: [
      'Support tickets sit for days without a reply.',
      'We opened a P1 ticket and waited two days for a first response.',
      'Support keeps answering with "have you tried clearing your cache?"',
      'Getting past first-line support is a battle.',
    ],
    incidentNeg: ['During the outage in April, support took a day to even acknowledge our ticket.'],
    mixed: ['Support is friendly but could be faster.', 'Response times from support vary a lot depending on who picks up the ticket.'],
    pos: [
      'Support is quick and actually solves the problem.',
      "Every ticket we've raised was answered the same day.",
      'Shout-out to the support team, they went above and beyond during our migration.',
    ],
  },
  onboarding: {
    neg: [
      'Onboarding was rushed, and we were left to figure out most things ourselves.',
      "Our implementation partner didn't know the product well, so onboarding dragged on for months.",
    ],
    mixed: ['Onboarding was OK, but we needed more hands-on training for new analysts.', 'The onboarding plan was good; the handover to the regular team less so.'],
    pos: [
      'Onboarding was smooth, and we were live in three weeks.',
      'Great onboarding: clear plan, weekly check-ins, no surprises.',
      'The training sessions during onboarding were excellent.',
    ],
  },
  pricing: {
    neg: [
      'The price increase at renewal was hard to justify to our CFO.',
      'Too expensive for what we actually use.',
      'Per-seat pricing makes it hard to roll out to the wider business.',
    ],
    mixed: ['Pricing is on the high side, but the product earns it most months.', "We'd expand usage if the licensing were more flexible."],
    pos: ['Good value for money compared with the tools we used before.', 'Fair pricing, and no surprises at renewal.'],
  },
  'data connectors': {
    neg: ['The CRM connector breaks every few weeks and we lose a day of data.', 'We still cannot connect our ERP without a custom export.'],
    mixed: ["The connectors cover most of our sources; we'd love one for our billing system.", "Connectors work well, although syncing is slower than we'd like."],
    pos: [
      'Connecting our CRM and data warehouse took an afternoon.',
      'The data connectors just work, which is more than I can say for our last vendor.',
      "New connectors keep showing up, and they're reliable.",
    ],
  },
  'forecast accuracy': {
    neg: ['The forecasts have been off by 20% two quarters running.', 'We stopped trusting the forecast numbers after last quarter.'],
    mixed: ["Forecasts are decent, but we'd like to see the assumptions behind them.", 'Forecast accuracy is fine for totals, less so by region.'],
    pos: [
      'The forecasts have been within a few percent of actuals all year.',
      'Forecasting is the reason we renewed: our planning cycle is now a week shorter.',
      'Our finance team finally trusts the forecast.',
    ],
  },
  'account team': {
    neg: ["We've had three account managers in a year; nobody knows our setup.", 'Our account manager only gets in touch at renewal time.'],
    mixed: ["The account team is helpful when we reach them, but they're stretched thin."],
    pos: [
      'Our account manager is fantastic, proactive and always prepared.',
      'The account team feels like part of our own team.',
      'Quarterly reviews with our account team are genuinely useful.',
    ],
  },
  documentation: {
    neg: ['The documentation is out of date since the last release.', 'Help articles describe screens that no longer exist.'],
    mixed: ['Docs are fine for the basics but thin on advanced topics.', 'More worked examples in the documentation would help.'],
    pos: ['The documentation is clear and well organised.', 'The help centre answers most of our questions before we need to call.'],
  },
  reliability: {
    neg: [
      'We had two outages during month-end close this quarter.',
      'Scheduled jobs fail silently, and we only notice when the numbers look wrong.',
      'Too many incidents lately; our executives are starting to ask questions.',
    ],
    incidentNeg: [
      'The platform was down for most of a morning in April, right before our board meeting.',
      'Three incidents in one quarter is not acceptable for a tool we report to the board from.',
    ],
    mixed: ['Generally stable, apart from a couple of bad days this quarter.'],
    pos: ["Rock solid; I can't remember the last outage.", 'It just works, every day.'],
  },
};

const GENERAL: Record<Tone, readonly string[]> = {
  neg: [
    'Not happy at the moment.',
    "Honestly, we're reviewing alternatives.",
    'A disappointing year overall.',
    "It's been a frustrating few months.",
    'Hard to recommend right now.',
  ],
  mixed: ['It does the job.', 'Solid tool, room to improve.', 'Some good, some bad.', 'We get value from it, with caveats.', 'Fine overall.'],
  pos: [
    'Great product, keep it up!',
    'Would recommend to any finance team.',
    'Love it.',
    'Very happy customers here.',
    'Best analytics tool we have used.',
    "Can't imagine month-end without it.",
  ],
};

const EMOJI: Record<Tone, readonly string[]> = {
  neg: ['😕', '😤', '👎'],
  mixed: ['🤷', '🙂'],
  pos: ['👍', '🙂', '🚀', '🙌', '⭐'],
};

/** Whole comments in other languages, with the themes they name. */
const FOREIGN: Record<Lang, Record<Tone, readonly (readonly [string, readonly Theme[]])[]>> = {
  de: {
    neg: [
      ['Seit dem Update ist der Berichtsbereich sehr umständlich. Wir brauchen doppelt so lange für den Monatsbericht.', ['reporting usability']],
      ['Die Dashboards laden extrem langsam, und der Support meldet sich erst nach Tagen.', ['dashboard performance', 'support responsiveness']],
      ['Zu teuer für das, was wir tatsächlich nutzen.', ['pricing']],
    ],
    mixed: [
      ['Grundsätzlich gut, aber die Berichte lassen sich schwer anpassen.', ['reporting usability']],
      ['Die Dokumentation könnte ausführlicher sein, sonst solide.', ['documentation']],
    ],
    pos: [
      ['Unser Account-Team ist hervorragend – schnelle Antworten, echte Partner.', ['account team']],
      ['Die Prognosen sind erstaunlich genau. Sehr zufrieden!', ['forecast accuracy']],
    ],
  },
  fr: {
    neg: [
      ['Le module de rapports est devenu difficile à utiliser depuis la nouvelle version.', ['reporting usability']],
      ['Trop de pannes ce trimestre, et le support met longtemps à répondre.', ['reliability', 'support responsiveness']],
    ],
    mixed: [
      ["Bon produit dans l'ensemble, mais les tableaux de bord sont lents.", ['dashboard performance']],
      ['Le prix reste élevé pour une équipe de notre taille.', ['pricing']],
    ],
    pos: [
      ['Très bon accompagnement lors de la mise en place, merci !', ['onboarding']],
      ['Les connecteurs de données nous font gagner beaucoup de temps.', ['data connectors']],
    ],
  },
  es: {
    neg: [
      ['Los informes son muy difíciles de configurar y exportar. Perdemos horas cada semana.', ['reporting usability']],
      ['La plataforma se cayó dos veces durante el cierre de mes.', ['reliability']],
    ],
    mixed: [
      ['Buen producto, pero el precio subió demasiado este año.', ['pricing']],
      ['La documentación está solo en inglés y a veces es confusa.', ['documentation']],
    ],
    pos: [
      ['El equipo de cuenta siempre responde rápido. ¡Excelente servicio!', ['account team']],
      ['La integración con nuestras fuentes de datos fue muy sencilla.', ['data connectors', 'onboarding']],
    ],
  },
  ja: {
    neg: [
      ['新しいレポート画面は使いにくく、以前より作成に時間がかかります。', ['reporting usability']],
      ['ダッシュボードの表示が遅く、会議で困ることがあります。', ['dashboard performance']],
    ],
    mixed: [['全体的には満足していますが、サポートの返答がもう少し早いと助かります。', ['support responsiveness']]],
    pos: [
      ['導入時のサポートがとても丁寧でした。ありがとうございます。', ['onboarding']],
      ['予測機能の精度が高く、計画に役立っています。', ['forecast accuracy']],
    ],
  },
  ar: {
    neg: [
      ['أصبح إعداد التقارير صعبًا جدًا بعد التحديث الأخير.', ['reporting usability']],
      ['الأسعار مرتفعة مقارنة بما نستخدمه فعليًا.', ['pricing']],
    ],
    mixed: [['المنتج جيد بشكل عام، لكن لوحات المعلومات بطيئة أحيانًا.', ['dashboard performance']]],
    pos: [
      ['فريق الحساب متعاون جدًا ويستجيب بسرعة.', ['account team']],
      ['موصلات البيانات وفرت علينا الكثير من الوقت.', ['data connectors']],
    ],
  },
};

const P_COMMENT: Record<Group, number> = { detractor: 0.78, passive: 0.57, promoter: 0.61 };
/** Probability of 0, 1, 2, 3 themes in a comment. */
const THEME_COUNT: Record<Group, readonly (readonly [number, number])[]> = {
  detractor: [
    [0, 8],
    [1, 47],
    [2, 32],
    [3, 13],
  ],
  passive: [
    [0, 18],
    [1, 52],
    [2, 24],
    [3, 6],
  ],
  promoter: [
    [0, 20],
    [1, 50],
    [2, 25],
    [3, 5],
  ],
};

function themeWeights(g: Group, wave: number, a: Account): [Theme, number][] {
  const redesign = wave === 2;
  const forecast = a.product === 'Insights + Forecast';
  const partner = a.implementation === 'Partner';
  if (g === 'detractor') {
    return [
      ['reporting usability', (a.automated ? 0.4 : 0.9) + (redesign ? 0.5 : 0)],
      ['dashboard performance', 0.28],
      ['reliability', redesign ? 0.32 : 0.16],
      ['support responsiveness', redesign ? 0.3 : 0.17],
      ['pricing', 0.22],
      ['documentation', 0.07],
      ['data connectors', 0.07],
      ['onboarding', partner ? 0.14 : 0.04],
      ['account team', 0.05],
      ['forecast accuracy', forecast ? 0.1 : 0.01],
    ];
  }
  if (g === 'passive') {
    return [
      ['reporting usability', (a.automated ? 0.18 : 0.34) + (redesign ? 0.1 : 0)],
      ['documentation', 0.14],
      ['pricing', 0.2],
      ['dashboard performance', 0.15],
      ['onboarding', partner ? 0.16 : 0.08],
      ['data connectors', 0.15],
      ['support responsiveness', 0.12],
      ['account team', 0.1],
      ['forecast accuracy', forecast ? 0.14 : 0.02],
      ['reliability', redesign ? 0.12 : 0.06],
    ];
  }
  return [
    ['account team', 0.36],
    ['forecast accuracy', forecast ? 0.4 : 0.03],
    ['data connectors', 0.3],
    ['onboarding', partner ? 0.12 : 0.26],
    ['support responsiveness', 0.14],
    ['reliability', 0.08],
    ['documentation', 0.06],
    ['dashboard performance', 0.05],
    ['reporting usability', a.automated ? 0.25 : 0.04],
    ['pricing', 0.05],
  ];
}

function sentence(rng: Random, theme: Theme, tone: Tone, wave: number): string {
  const bank = PHRASES[theme];
  let pool: readonly string[] = bank[tone];
  if (tone === 'neg' && wave >= 2 && bank.redesignNeg !== undefined && rng.chance(wave === 2 ? 0.7 : 0.45)) pool = bank.redesignNeg;
  if (tone === 'neg' && wave === 2 && bank.incidentNeg !== undefined && rng.chance(0.5)) pool = bank.incidentNeg;
  if (tone === 'mixed' && wave === 3 && bank.fixedMixed !== undefined && rng.chance(0.6)) pool = bank.fixedMixed;
  if (tone === 'pos' && wave === 3 && bank.fixedPos !== undefined && rng.chance(0.5)) pool = bank.fixedPos;
  return rng.pick(pool);
}

function toneFor(rng: Random, g: Group, first: boolean): Tone {
  if (g === 'detractor') return first || rng.chance(0.85) ? 'neg' : 'mixed';
  if (g === 'promoter') return first || rng.chance(0.85) ? 'pos' : 'mixed';
  return rng.weighted<Tone>([
    ['mixed', 60],
    ['neg', 28],
    ['pos', 12],
  ]);
}

interface Comment {
  text: string;
  themes: Theme[];
  foreign: boolean;
}

function makeComment(rng: Random, c: Contact, score: number, wave: number): Comment | null {
  const g = group(score);
  if (!rng.chance(P_COMMENT[g])) return null;
  const mainTone: Tone = g === 'detractor' ? 'neg' : g === 'promoter' ? 'pos' : 'mixed';
  if (c.writes !== null && rng.chance(0.85)) {
    const [text, themes] = rng.pick(FOREIGN[c.writes][mainTone]);
    return { text, themes: [...themes], foreign: true };
  }
  const k = rng.weighted(THEME_COUNT[g]);
  const themes = rng.sample(themeWeights(g, wave, c.account), k);
  const sentences = themes.map((t, i) => sentence(rng, t, toneFor(rng, g, i === 0), wave));
  if (sentences.length === 0) {
    sentences.push(rng.pick(GENERAL[mainTone]));
    if (rng.chance(0.25)) sentences.push(rng.pick(GENERAL[mainTone]));
  } else if (sentences.length === 1 && rng.chance(0.35)) {
    const extra = rng.pick(GENERAL[mainTone]);
    if (rng.chance(0.5)) sentences.unshift(extra);
    else sentences.push(extra);
  }
  const distinct = [...new Set(sentences)];
  let text: string;
  if (distinct.length > 1 && rng.chance(0.07)) text = distinct.join(rng.chance(0.5) ? '\n' : '\n\n');
  else text = distinct.join(' ');
  if (rng.chance(0.025)) text += ` ${rng.pick(EMOJI[mainTone])}`;
  return { text, themes, foreign: false };
}

// ---------------------------------------------------------------------------------------------
// Waves: invitations and responses
// ---------------------------------------------------------------------------------------------

interface Invitation {
  contact: Contact;
  wave: number;
}

interface Answer {
  id: string;
  wave: number;
  submittedAt: string;
  contact: Contact;
  score: number;
  comment: Comment | null;
}

/** Share of reachable contacts invited to a wave (about 80% of all contacts are invited). */
const P_INVITE = 0.91;

/** A submission date: most answers in the first days, small bumps after the reminders. */
function submissionDate(rng: Random, w: Wave): string {
  const span = toDay(w.closed) - toDay(w.opened);
  const days: [string, number][] = [];
  for (let d = 0; d <= span; d++) {
    const iso = addDays(w.opened, d);
    const wd = weekday(iso);
    let weight = 10 * Math.exp(-d / 4) + 1.2;
    if (d === 7 || d === 8 || d === 14 || d === 15) weight += 3.5; // reminders
    if (wd === 0 || wd === 6) weight *= 0.2;
    days.push([iso, weight]);
  }
  return rng.weighted(days);
}

function makeWaves(contacts: readonly Contact[]): { invitations: Invitation[][]; answers: Answer[][]; bonus: number; offsets: number[] } {
  const rngInvite = new Random('invitations');
  const rngRespond = new Random('responses');
  const rngScore = new Random('scores');
  const rngComment = new Random('comments');
  const invitations: Invitation[][] = [];
  const drafts: Draft[][] = [];
  WAVES.forEach((w, wi) => {
    const invited: Invitation[] = [];
    for (const c of contacts) {
      if (c.joinWave > wi) continue;
      // Some contacts have opted out or bounce; the rest are invited to most waves, and
      // always to the first wave after they join.
      if (!c.reachable) continue;
      if (c.joinWave === wi && wi > 0 ? true : rngInvite.chance(P_INVITE)) invited.push({ contact: c, wave: wi });
    }
    const waveDrafts: Draft[] = [];
    for (const inv of invited) {
      const c = inv.contact;
      const logit = P_RESPOND_BASE + c.account.engagement + c.engagement + (wi === 2 ? -0.1 : 0);
      if (!rngRespond.chance(1 / (1 + Math.exp(-logit)))) continue;
      waveDrafts.push({ contact: c, submittedAt: submissionDate(rngRespond, w), latent: latentScore(rngScore, c, wi) });
    }
    waveDrafts.sort((a, b) => (a.submittedAt < b.submittedAt ? -1 : a.submittedAt > b.submittedAt ? 1 : a.contact.id < b.contact.id ? -1 : 1));
    drafts.push(waveDrafts);
    invitations.push(invited);
  });
  const { bonus, offsets } = calibrate(drafts);
  const answers = drafts.map((waveDrafts, wi) => {
    const w = at(WAVES, wi);
    return waveDrafts.map((d, i): Answer => {
      const score = scoreOf(d, at(offsets, wi), bonus);
      return {
        id: `R-${w.code}-${String(i + 1).padStart(5, '0')}`,
        wave: wi,
        submittedAt: d.submittedAt,
        contact: d.contact,
        score,
        comment: makeComment(rngComment, d.contact, score, wi),
      };
    });
  });
  return { invitations, answers, bonus, offsets };
}

// ---------------------------------------------------------------------------------------------
// Follow-ups
// ---------------------------------------------------------------------------------------------

type Status = 'open' | 'contacted' | 'closed';
type Method = 'phone call' | 'email' | 'meeting';

interface Followup {
  responseId: string;
  owner: string;
  status: Status;
  openedAt: string;
  closedAt: string;
  method: Method;
  note: string;
}

const NOTES = {
  detractorClosed: {
    'reporting usability': [
      'Walked through report builder workarounds; product team looped in.',
      'Screen-share on the new report builder; logged two usability issues with product.',
      'Set up scheduled reports to replace the manual monthly pack.',
      'Booked a training session on the report builder for their analysts.',
    ],
    'dashboard performance': [
      'Reviewed slow dashboards with solutions engineering; split the largest one.',
      'Shared performance tips; engineering ticket raised for the month-end slowdown.',
    ],
    reliability: ['Apologised for the outage and shared the incident report.', 'Explained the root cause of the April incident and the fixes since.'],
    'support responsiveness': ['Escalated the open tickets to the support lead; all answered the same week.', 'Agreed a named support contact for the next quarter.'],
    pricing: ['Discussed packaging options ahead of renewal.', 'Reviewed seat usage; proposed a better-fitting plan.'],
    general: ['Listened to concerns and agreed next steps.', 'Call held; customer appreciated the quick follow-up.', 'Agreed an action plan and a check-in date.'],
  },
  passiveClosed: [
    'Asked what would make it a 9 or 10: faster dashboards and simpler report editing.',
    'Discussed roadmap priorities; customer wants simpler report templates.',
    'Shared the release notes for the next quarter.',
    'Short call; no blockers, wants more training for new starters.',
  ],
  promoterClosed: [
    'Thanked for the feedback; agreed to a reference call.',
    'Sent a thank-you note and asked about a case study.',
    'Invited to the customer advisory board.',
    'Thanked them; they offered to speak at the user conference.',
  ],
  noComment: ['Emailed to ask what lies behind the score; replied with details.', 'Asked for more context; customer replied by email.'],
  contacted: [
    'Left a voicemail and sent an email to book a call.',
    'Call booked for next week.',
    'Waiting for the customer to confirm a time.',
    'First call held; second meeting scheduled.',
  ],
  open: ['', '', 'Not yet contacted.', 'Assigned; call to be scheduled.'],
} as const;

function makeFollowups(answers: readonly Answer[][]): Followup[] {
  const rng = new Random('followups');
  const out: Followup[] = [];
  const asOf = at(WAVES, LATEST).closed;
  for (const waveAnswers of answers) {
    for (const r of waveAnswers) {
      if (r.contact.confidential) continue;
      const g = group(r.score);
      const latest = r.wave === LATEST;
      const pRow = g === 'detractor' ? (latest ? 0.88 : 0.93) : g === 'passive' ? (latest ? 0.35 : 0.5) : latest ? 0.25 : 0.35;
      if (!rng.chance(pRow)) continue;
      const openedAt = rng.chance(0.75) ? r.submittedAt : addDays(r.submittedAt, 1);
      const delay =
        g === 'detractor'
          ? rng.weighted([
              [0, 8],
              [1, 38],
              [2, 28],
              [3, 12],
              [4, 8],
              [5, 6],
            ])
          : g === 'passive'
            ? rng.int(1, 10)
            : rng.int(1, 14);
      let status: Status = rng.chance(latest ? 0.7 : 0.95) ? 'closed' : 'contacted';
      let closedAt = addDays(openedAt, delay);
      if (latest) {
        const ageDays = toDay(asOf) - toDay(openedAt);
        if (toDay(closedAt) > toDay(asOf) || rng.chance(0.15)) {
          status = ageDays <= 1 ? 'open' : rng.chance(0.55) ? 'contacted' : 'open';
        }
      }
      if (status !== 'closed') closedAt = '';
      const method: Method =
        r.comment === null
          ? rng.weighted<Method>([
              ['email', 70],
              ['phone call', 25],
              ['meeting', 5],
            ])
          : g === 'detractor'
            ? rng.weighted<Method>([
                ['phone call', 60],
                ['meeting', 25],
                ['email', 15],
              ])
            : g === 'passive'
              ? rng.weighted<Method>([
                  ['phone call', 40],
                  ['email', 35],
                  ['meeting', 25],
                ])
              : rng.weighted<Method>([
                  ['email', 60],
                  ['phone call', 30],
                  ['meeting', 10],
                ]);
      let note: string;
      if (status === 'open') note = rng.pick(NOTES.open);
      else if (status === 'contacted') note = rng.pick(NOTES.contacted);
      else if (r.comment === null) note = rng.pick(NOTES.noComment);
      else if (g === 'detractor') {
        const theme = r.comment.themes.find((t) => t in NOTES.detractorClosed);
        const bank: readonly string[] =
          theme === 'reporting usability' || theme === 'dashboard performance' || theme === 'reliability' || theme === 'support responsiveness' || theme === 'pricing'
            ? NOTES.detractorClosed[theme]
            : NOTES.detractorClosed.general;
        note = rng.pick(bank);
      } else note = rng.pick(g === 'passive' ? NOTES.passiveClosed : NOTES.promoterClosed);
      out.push({ responseId: r.id, owner: r.contact.account.owner, status, openedAt, closedAt, method, note });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Metrics
// ---------------------------------------------------------------------------------------------

const PERIODS = ['2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'] as const;

function makeMetrics(accounts: readonly Account[]): (readonly Cell[])[] {
  const rng = new Random('metrics');
  const jitter = (base: number, spread: number): number => Math.round(base * (1 + spread * (2 * rng.next() - 1)));
  const activations = [1180, 1235, 1290, 1340, 1410, 1465, 1330, 1520].map((v) => jitter(v, 0.02));
  const incidents = [5, 4, 6, 5, 5, 6, 17, 8];
  const tickets = [1840, 1905, 1880, 1960, 2010, 2080, 3150, 2290].map((v) => jitter(v, 0.015));
  const resolution = [15.5, 14.8, 16.1, 15.2, 14.6, 15.9, 27.4, 18.3];
  const renewals = [74, 81, 78, 83, 80, 77, 79, 82];
  // ARR: the latest quarter is the sum of accounts.csv; earlier quarters step back by the growth.
  const growth = [0.026, 0.024, 0.028, 0.025, 0.029, 0.022, 0.006, 0.014];
  const churnRate = [0.016, 0.014, 0.017, 0.015, 0.013, 0.016, 0.034, 0.023];
  const arr: number[] = new Array<number>(PERIODS.length).fill(0);
  let current = accounts.reduce((s, a) => s + a.arr, 0);
  for (let i = PERIODS.length - 1; i >= 0; i--) {
    arr[i] = Math.round(current);
    current = current / (1 + at(growth, i));
  }
  const averageArr = accounts.reduce((s, a) => s + a.arr, 0) / accounts.length;
  const rows: (readonly Cell[])[] = [];
  PERIODS.forEach((period, i) => {
    const previousArr = i === 0 ? at(arr, 0) / (1 + at(growth, 0)) : at(arr, i - 1);
    const renewalValue = Math.round(at(renewals, i) * averageArr * (0.92 + 0.16 * rng.next()));
    rows.push(
      ['activations', period, at(activations, i), 'count'],
      ['incidents', period, at(incidents, i), 'count'],
      ['support_tickets', period, at(tickets, i), 'count'],
      ['median_ticket_resolution_hours', period, at(resolution, i), 'hours'],
      ['renewals', period, at(renewals, i), 'count'],
      ['renewal_value', period, renewalValue, 'USD'],
      ['arr', period, at(arr, i), 'USD'],
      ['churned_arr', period, Math.round(previousArr * at(churnRate, i)), 'USD'],
    );
  });
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

function removeCsvFiles(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) if (name.endsWith('.csv')) rmSync(join(dir, name), { force: true });
}

function write(relativePath: string, text: string): void {
  const path = join(DATA_DIR, relativePath);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text, 'utf8');
}

function main(): void {
  const accounts = makeAccounts();
  const contacts = makeContacts(accounts);
  const { invitations, answers, bonus, offsets } = makeWaves(contacts);
  const followups = makeFollowups(answers);

  for (const f of ['program.yml', 'accounts.csv', 'contacts.csv', 'metrics.csv', 'followups.csv']) rmSync(join(DATA_DIR, f), { force: true });
  removeCsvFiles(join(DATA_DIR, 'responses'));
  removeCsvFiles(join(DATA_DIR, 'invitations'));

  write('program.yml', programYaml());
  write(
    'accounts.csv',
    csv(
      ['account_id', 'name', 'arr', 'renewal_date', 'owner', 'region', 'tier', 'product', 'implementation', 'automated_reporting'],
      accounts.map((a) => [a.id, a.name, a.arr, a.renewalDate, a.owner, a.region, a.tier, a.product, a.implementation, a.automated ? 'yes' : 'no']),
    ),
  );
  write(
    'contacts.csv',
    csv(
      ['contact_id', 'account_id', 'name', 'email', 'role'],
      contacts.map((c) => [c.id, c.account.id, c.name, c.email, c.role]),
    ),
  );
  // Attribute ratings (1–5) from their own seeded stream, so the rest of the data is unchanged.
  // Reporting carries the story: low among detractors, high where automated reporting is set up;
  // billing is deliberately unrelated to the score.
  const ratingRng = new Random('ratings');
  const rate = (base: number, slope: number, latent: number, sd = 0.75) => {
    if (ratingRng.chance(0.06)) return '';
    return String(Math.min(5, Math.max(1, Math.round(base + slope * latent + ratingRng.normal(0, sd)))));
  };
  const ratingsOf = (score: number, account: Account) => {
    const latent = (score - 6) / 4;
    return [
      rate(3.4, 0.9, latent),
      rate(3.5, 0.7, latent),
      rate(account.implementation === 'Partner' ? 3.0 : 3.6, 0.4, latent),
      rate(3.4, 0, latent, 1.0),
      rate(account.automated ? 4.0 : 2.7, 1.0, latent),
      rate(3.4, 1.2, latent, 0.6),
    ];
  };
  WAVES.forEach((w, wi) => {
    write(
      `invitations/${w.id}.csv`,
      csv(
        ['contact_id', 'account_id', 'invited_at'],
        at(invitations, wi).map((inv) => [inv.contact.id, inv.contact.account.id, w.opened]),
      ),
    );
    write(
      `responses/${w.id}.csv`,
      csv(
        [
          'response_id',
          'submitted_at',
          'contact_id',
          'account_id',
          'score',
          'comment',
          'confidential',
          'themes',
          'rating_product_quality',
          'rating_support',
          'rating_onboarding',
          'rating_billing',
          'rating_reporting',
          'overall_satisfaction',
        ],
        at(answers, wi).map((r) => [
          r.id,
          r.submittedAt,
          r.contact.id,
          r.contact.account.id,
          r.score,
          r.comment?.text ?? '',
          r.contact.confidential ? 'true' : 'false',
          r.comment?.themes.join(';') ?? '',
          ...ratingsOf(r.score, r.contact.account),
        ]),
      ),
    );
  });
  write('metrics.csv', csv(['metric', 'period', 'value', 'unit'], makeMetrics(accounts)));
  write(
    'followups.csv',
    csv(
      ['response_id', 'owner', 'status', 'opened_at', 'closed_at', 'method', 'note'],
      followups.map((f) => [f.responseId, f.owner, f.status, f.openedAt, f.closedAt, f.method, f.note]),
    ),
  );

  // Summary, so the story can be checked against the targets.
  const all = answers.flat();
  const confidential = all.filter((r) => r.contact.confidential);
  const open = all.filter((r) => !r.contact.confidential);
  const mean = (xs: readonly Answer[]): number => xs.reduce((s, r) => s + r.score, 0) / Math.max(1, xs.length);
  const commented = all.filter((r) => r.comment !== null);
  const lines: string[] = [];
  lines.push(`Demo data written to ${DATA_DIR}`);
  lines.push(`accounts ${accounts.length}, contacts ${contacts.length}, follow-ups ${followups.length}`);
  lines.push('wave     contacts  invited  responses  rate    NPS     NPS auto=yes  NPS auto=no  detractors naming reporting usability');
  WAVES.forEach((w, wi) => {
    const inv = at(invitations, wi).length;
    const rs = at(answers, wi);
    const det = rs.filter((r) => r.score <= 6 && r.comment !== null);
    const ru = det.filter((r) => r.comment?.themes.includes('reporting usability') === true).length;
    lines.push(
      `${w.id}  ${String(contacts.filter((c) => c.joinWave <= wi).length).padStart(8)}  ${String(inv).padStart(7)}  ${String(rs.length).padStart(9)}  ${pct(rs.length, inv).padStart(6)}  ${signed(nps(rs.map((r) => r.score))).padStart(6)}  ` +
        `${signed(nps(rs.filter((r) => r.contact.account.automated).map((r) => r.score))).padStart(12)}  ` +
        `${signed(nps(rs.filter((r) => !r.contact.account.automated).map((r) => r.score))).padStart(11)}  ${pct(ru, det.length)} of ${det.length}`,
    );
  });
  const changes = WAVES.slice(1).map((w, i) => {
    const a = npsWithVariance(at(answers, i).map((r) => r.score));
    const b = npsWithVariance(at(answers, i + 1).map((r) => r.score));
    return `${w.id} ${signed(b.nps - a.nps)} (z ${((b.nps - a.nps) / Math.sqrt(a.variance + b.variance)).toFixed(2)})`;
  });
  lines.push(`NPS change on the previous wave: ${changes.join(', ')}`);
  lines.push(`total invitations ${invitations.flat().length}, responses ${all.length}, overall NPS ${signed(nps(all.map((r) => r.score)))}`);
  lines.push(
    `automated_reporting: yes NPS ${signed(nps(all.filter((r) => r.contact.account.automated).map((r) => r.score)))}, ` +
      `no NPS ${signed(nps(all.filter((r) => !r.contact.account.automated).map((r) => r.score)))} ` +
      `(accounts with yes: ${pct(accounts.filter((a) => a.automated).length, accounts.length)})`,
  );
  lines.push(`solved: automated-reporting bonus ${bonus.toFixed(2)} points; wave offsets ${offsets.map((x) => (x >= 0 ? '+' : '') + x.toFixed(2)).join(', ')}`);
  lines.push(`confidential share ${pct(confidential.length, all.length)}; mean score confidential ${mean(confidential).toFixed(2)} vs identified ${mean(open).toFixed(2)}`);
  lines.push(
    `comments ${pct(commented.length, all.length)} of responses; in other languages ${pct(commented.filter((r) => r.comment?.foreign === true).length, commented.length)} of comments`,
  );
  console.log(lines.join('\n'));
}

main();
