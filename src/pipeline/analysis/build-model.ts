/**
 * Turns the collected aggregates into the model pages read, one section builder at a time
 * (each in its own file), and hands per-response records to the sink: the account pages'
 * answers, the owners' open alerts and the whole follow-up queue. The model itself holds only
 * aggregates and capped lists, so its size does not grow with the number of responses.
 * Methods: docs/statistics.md.
 */
import { IdIndex } from '../ingest/id-index.ts';
import { naturalCompare } from '../util/compare.ts';
import { slugsFor } from '../util/slug.ts';
import { compare, figuresOf } from './figures.ts';
import { followupQueue } from './followup.ts';
import { attributeSections } from './attributes.ts';
import { promoterConcentrations, segmentFigures } from './segments.ts';
import { discloseWave, type WaveDisclosure } from '../disclosure/wave-disclosure.ts';
import { withheldFigures } from '../disclosure/withheld.ts';
import { benchmarkComparisons } from './benchmarks.ts';
import { accountSummaries, isHidden } from './accounts.ts';
import { writeAccountRecords } from './account-records.ts';
import { arrBands, portfolioFigures } from './portfolio.ts';
import { financeFigures } from './finance.ts';
import { metricChanges } from './metrics.ts';
import { themeFigures } from './theme-figures.ts';
import { cohortFigures } from './cohorts.ts';
import { people } from './people.ts';
import { histogramSize } from '../model/histogram.ts';
import { MemorySink, RECORDS_VERSION, type RecordSink } from '../records/types.ts';
import type { Collector, WaveState } from './collector.ts';
import type { AnswerStore } from './answer-store.ts';
import type { IngestResult } from '../ingest/ingest-program.ts';
import type { QueueItem, SiteModel, WaveModel } from '../model/types.ts';
import type { WaveInvitations } from '../ingest/entities.ts';
import { MODEL_VERSION } from '../model/types.ts';

/**
 * Distinct invited contacts who answered over contacts invited (docs/statistics.md): never above
 * 100%, however often a contact answered. Null without invitations, or when the wave's answers
 * carry no contact id (then who answered is not known).
 */
function waveResponseRate(w: WaveState, invited: IdIndex | undefined, countsConfidential: boolean): number | null {
  if (!invited || invited.size === 0 || (w.respondents.size === 0 && histogramSize(w.histogram) > 0)) return null;
  let answered = 0;
  for (let e = 0; e < w.respondents.size; e++) if ((countsConfidential || (w.respondents.valueAt(e) & 1) === 0) && invited.lookup(w.respondents, e) !== undefined) answered++;
  return answered / invited.size;
}

/**
 * Invitees who did not answer under their name, in the wave and per account: what a reader who
 * knows the invitation list cannot tell apart (answered confidentially, or not at all). From the
 * wave's invitations, else (per account) from contacts.csv; undefined when neither is given.
 */
function unnamedInvitees(w: WaveState, invited: WaveInvitations | undefined, contactsByAccount: Map<string, number>, store: AnswerStore) {
  let wave: number | undefined;
  if (invited) {
    wave = invited.contacts.size;
    for (let e = 0; e < w.respondents.size; e++) if ((w.respondents.valueAt(e) & 1) === 0 && invited.contacts.lookup(w.respondents, e) !== undefined) wave--;
  }
  const population = invited ? (id: string) => invited.byAccount.get(id) ?? 0 : contactsByAccount.size > 0 ? (id: string) => contactsByAccount.get(id) ?? 0 : undefined;
  // Asked once per account by each figure holding it (its segment values, its band, itself): counted once.
  const known = new Map<string, number>();
  const account = (id: string): number | undefined => {
    if (population === undefined) return undefined;
    const done = known.get(id);
    if (done !== undefined) return done;
    const named = new Set<number>();
    for (const i of w.accounts.get(id)?.answers ?? []) {
      const c = store.contactNumber(i);
      if (c < 0 || isHidden(store, i)) continue;
      if (invited ? invited.contacts.lookup(store.contactIds, c) !== undefined : true) named.add(c);
    }
    const unnamed = Math.max(0, population(id) - named.size);
    known.set(id, unnamed);
    return unnamed;
  };
  return { wave, account };
}

/** The ingest report without the row counts of the responses files whose waves leave out their confidential answers. */
function publishedReport(ingest: IngestResult, hidden: readonly string[]): SiteModel['ingest'] {
  const files = new Set(ingest.waves.filter((w) => hidden.includes(w.id)).map((w) => w.file));
  const report = ingest.report;
  const withheld = report.files.some((f) => files.has(f.file));
  return {
    ...report,
    // How many answers were blank on consent, or came from people confidential in another wave, counts confidential answers.
    notices: report.notices.filter((n) => !n.confidential),
    files: report.files.map((f) => (files.has(f.file) ? { ...f, rows: null, used: null } : f)),
    totals: withheld ? { ...report.totals, rows: null, used: null } : report.totals,
  };
}

/** The program-level part of the model: names, settings the pages show, benchmarks. */
function programSection(ingest: IngestResult): Pick<SiteModel, 'program' | 'benchmarks' | 'attributeThemes'> {
  const s = ingest.settings;
  return {
    program: {
      name: s.program.name,
      company: s.program.company,
      currency: s.currency,
      minGroupSize: s.min_group_size,
      minCommentGroupSize: s.min_comment_group_size,
      signatory: s.program.signatory ? { name: s.program.signatory.name, title: s.program.signatory.title ?? null, email: s.program.signatory.email ?? null } : null,
      customerSite: {
        publishResponseFigures: s.customer_site.publish_response_figures,
        publishNps: s.customer_site.publish_nps,
        contactEmail: s.customer_site.contact_email ?? null,
        logo: s.customer_site.logo ?? null,
        accentColor: s.customer_site.accent_color,
        baseUrl: s.customer_site.base_url ?? null,
        nextWave: s.customer_site.next_wave ?? null,
      },
    },
    benchmarks: s.benchmarks.map((b) => ({ name: b.name, nps: b.nps, kind: b.kind, source: b.source ?? null, year: b.year ?? null })),
    attributeThemes: Object.fromEntries(s.attributes.map((a) => [a.id, a.themes])),
  };
}

export function buildModel(ingest: IngestResult, c: Collector, sink: RecordSink = new MemorySink()): SiteModel {
  const s = ingest.settings;
  const min = s.min_group_size;
  const program = programSection(ingest);
  const who = people(ingest);
  const seenBefore = new IdIndex();
  const states = ingest.waves.map((_, i) => c.waveState(i));
  const bands = arrBands(ingest);
  const contactsByAccount = new Map<string, number>();
  for (const ct of ingest.contacts.values()) if (ct.accountId !== undefined) contactsByAccount.set(ct.accountId, (contactsByAccount.get(ct.accountId) ?? 0) + 1);
  const byRole = s.account_weighting === 'role';
  const roleWeight = (role: string | undefined) => (byRole && role !== undefined ? (s.roles[role]?.weight ?? 1) : 1);
  const accountSlugs = slugsFor([...ingest.accounts.keys(), ...states.flatMap((w) => [...w.accounts.keys()])]);
  const themeSlugs = slugsFor(states.flatMap((w) => [...w.themes.keys()]));
  const ownerNames = new Set<string>();
  let latestOpen = new Map<string, { open: QueueItem[]; total: number }>();
  const waves: WaveModel[] = [];
  const logged = c.answers.positionsOf(new Set(ingest.followups.map((e) => e.responseId)));
  ingest.waves.forEach((wave, i) => {
    const w = states[i]!;
    const invited = ingest.invitations.get(wave.id);
    // What may be shown is decided for every figure of the wave at once, before any is built.
    const cells = c.cube.cellsOf(i);
    const disclosure: WaveDisclosure = discloseWave({
      cells,
      dimensions: s.segments.length,
      min,
      bandOf: bands.bandOf,
      roleWeight,
      unnamed: unnamedInvitees(w, invited, contactsByAccount, c.answers),
    });
    const prev = i > 0 ? { id: ingest.waves[i - 1]!.id, state: states[i - 1]! } : undefined;
    const accounts = accountSummaries(ingest, w, wave.id, disclosure.countingConfidential, c.answers, accountSlugs);
    const cohorts = cohortFigures(w, seenBefore, min, disclosure.wave, prev);
    // Who was included before the next wave: this wave's invitees and respondents.
    for (const ids of [invited?.contacts, w.respondents]) for (let e = 0; e < (ids?.size ?? 0); e++) seenBefore.adopt(ids!, e, 1);
    const asOf = wave.asOf ?? ingest.lastSubmitted.get(wave.id) ?? wave.closed ?? null;
    // One wave's queue at a time: written out, summarised, then let go.
    const followup = followupQueue(ingest, c, i, asOf, who.shown, (id) => accountSlugs.get(id) ?? id, logged);
    sink.queue(wave.id, followup.queue);
    for (const o of followup.owners.keys()) ownerNames.add(o);
    for (const a of accounts) if (a.owner) ownerNames.add(a.owner);
    if (i === ingest.waves.length - 1) latestOpen = followup.owners;
    // A wave whose confidential answers cannot be protected shows its named answers' figures.
    const waveHistogram = disclosure.wave ? w.histogram : w.identifiedHistogram;
    const figures = figuresOf(waveHistogram);
    const prevShown = prev ? waves[i - 1]! : undefined;
    const segmentDisclosure = { hidden: disclosure.segments, counted: disclosure.countedSegments, waveCounted: disclosure.wave };
    const segments = segmentFigures(s, w, min, segmentDisclosure, prev ? { id: prev.id, segments: waves[i - 1]!.segments } : undefined);
    const built: Omit<WaveModel, 'withheld'> = {
      id: wave.id,
      label: wave.label,
      asOf,
      opened: wave.opened ?? null,
      period: wave.period,
      figures,
      change: prev && prevShown?.figures ? compare(waveHistogram, prevShown.countsConfidential ? prev.state.histogram : prev.state.identifiedHistogram, prev.id, 'change') : null,
      benchmarks: benchmarkComparisons(program.benchmarks, figures),
      invited: invited ? invited.contacts.size : null,
      responseRate: ingest.records ? waveResponseRate(w, invited?.contacts, disclosure.wave) : null,
      countsConfidential: disclosure.wave,
      confidential: disclosure.wave ? w.confidential : null,
      dated: c.datedResponses(i, disclosure.wave),
      segments,
      promoterConcentrations: promoterConcentrations(segments),
      accounts,
      portfolio: portfolioFigures(ingest, cells, accounts, min, { hidden: disclosure.bands, counted: disclosure.countedBands }),
      cohorts,
      themes: themeFigures(ingest, w, waveHistogram, themeSlugs, who, disclosure.wave),
      finance: financeFigures(s, accounts),
      metrics: metricChanges(ingest, wave.period),
      followup: disclosure.wave ? followup.summary : { ...followup.summary, confidentialNotAlerted: null },
      namedPromoters: followup.namedPromoters,
      ...attributeSections(s, w, min, segmentDisclosure),
    };
    waves.push({ ...built, withheld: withheldFigures(built) });
  });
  const ownerSlugs = slugsFor(ownerNames);
  for (const w of waves) for (const o of w.followup.byOwner) o.slug = ownerSlugs.get(o.owner)!;
  const latest = ingest.waves.at(-1)?.id;
  for (const [owner, slug] of ownerSlugs) {
    const mine = latestOpen.get(owner);
    if (latest !== undefined) sink.owner(slug, { version: RECORDS_VERSION, owner, wave: latest, open: mine?.open ?? [], total: mine?.total ?? 0 });
  }
  writeAccountRecords(
    sink,
    c.answers,
    ingest.waves.map((wave, i) => ({ id: wave.id, state: states[i]! })),
    accountSlugs,
    who,
  );
  return {
    version: MODEL_VERSION,
    withoutRecords: !ingest.records,
    ...program,
    waves,
    owners: [...ownerSlugs].map(([name, slug]) => ({ name, slug })).sort((a, b) => naturalCompare(a.name, b.name)),
    queueFiles: sink.queueFiles(),
    ingest: publishedReport(
      ingest,
      waves.filter((w) => !w.countsConfidential).map((w) => w.id),
    ),
  };
}
