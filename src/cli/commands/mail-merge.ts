/**
 * `npm run mail-merge`: the letter's mailing list, written on request and never into the
 * build output. It lists every invited contact, confidential respondents among them (nothing in
 * it says who answered), so it is kept apart from the sites and exports that are scanned for
 * confidential identities.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { accountKey } from '../../pipeline/model/customer-model.ts';
import { ANALYSIS_FILES } from '../../pipeline/cache.ts';
import { pipelineStep, show } from '../pipeline-step.ts';
import type { MailMergeContact } from '../../pipeline/exports/mail-merge.ts';
import type { SiteModel } from '../../pipeline/model/types.ts';
import type { Paths } from '../paths.ts';

export async function mailMerge(paths: Paths): Promise<number> {
  const analysis = await pipelineStep(paths);
  if (!analysis) return 1;
  const contacts = JSON.parse(await readFile(join(analysis.dir, ANALYSIS_FILES.mailMerge), 'utf8')) as MailMergeContact[];
  const target = resolve(process.env['INIT_CWD'] ?? process.cwd(), process.env['CHORUS_MAIL_MERGE'] || 'mail-merge.csv');
  await writeFile(target, mailMergeCsv(analysis.model, contacts));
  console.log(
    `Mail merge of ${contacts.length.toLocaleString('en-US')} invited contacts written to ${show(target)}${process.env['CHORUS_ACCOUNT_SECRET'] ? '' : ' (no account page addresses: CHORUS_ACCOUNT_SECRET is not set)'}`,
  );
  return 0;
}

/** One row per invited contact: name, email, account, the letter's address and the account page's. */
function mailMergeCsv(model: SiteModel, contacts: MailMergeContact[]): string {
  const base = (model.program.customerSite.baseUrl ?? '').replace(/\/$/, '');
  const latest = model.waves.at(-1);
  const secret = process.env['CHORUS_ACCOUNT_SECRET'] || undefined;
  const rows = contacts.map((c) => [
    c.name,
    c.email,
    c.account ?? '',
    latest ? `${base}/heard/${latest.id}/` : '',
    secret && c.accountId ? `${base}/a/${accountKey(secret, c.accountId)}/` : '',
  ]);
  return Papa.unparse({ fields: ['name', 'email', 'account', 'letter_url', 'account_url'], data: rows }, { escapeFormulae: true, newline: '\n' }) + '\n';
}
