/**
 * The letter after a wave as one self-contained HTML email: inline styles only, no scripts,
 * no external files, every text escaped. It renders the same structure as the customer site's
 * page (letter.ts), so the two say the same things.
 */
import type { CustomerModel } from '../pipeline/model/customer-model.ts';
import { CONTACT_PROMPT, type LetterDoc, type LetterPlan } from './letter.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const INK = '#1b1f24';
const MUTED = '#545d68';
const P = `margin:0 0 14px;font-size:16px;line-height:1.55;color:${INK}`;
const H2 = `margin:26px 0 10px;font-size:19px;color:${INK}`;

/** Paragraphs of a Markdown letter body, as plain text (emphasis and links kept as their words). */
export function paragraphs(markdown: string): string[] {
  return markdown
    .split(/\r?\n\s*\r?\n/)
    .map((p) =>
      p
        .replace(/\r?\n/g, ' ')
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/[*_`#>]+/g, '')
        .trim(),
    )
    .filter((p) => p !== '');
}

/** `url`: the letter's page on the customer site, linked from the email when known. */
export function letterEmail(doc: LetterDoc, program: CustomerModel['program'], url: string | null): string {
  const accent = esc(program.accentColor);
  const para = (t: string) => `<p style="${P}">${esc(t)}</p>`;
  const h2 = (t: string) => `<h2 style="${H2}">${esc(t)}</h2>`;
  const plan = (x: LetterPlan) =>
    `<p style="${P}"><strong>${esc(x.title)}</strong><br>${esc(x.objective)}${x.result !== null ? `<br><strong>Result:</strong> ${esc(x.result)}` : ''}${x.status !== null ? `<br><span style="color:${MUTED}">${esc(x.status)}</span>` : ''}</p>`;
  const section = (s: { heading: string; plans: LetterPlan[]; empty: string | null }) => [h2(s.heading), ...s.plans.map(plan), ...(s.empty !== null ? [para(s.empty)] : [])];
  const parts = [
    `<p style="margin:0 0 6px;font-size:14px;color:${MUTED}">${esc(doc.kicker)}</p>`,
    `<h1 style="margin:0 0 18px;font-size:24px;line-height:1.3;color:${INK}">${esc(doc.title)}</h1>`,
    para(doc.greeting),
    ...(doc.body !== null ? paragraphs(doc.body) : doc.opening).map(para),
    ...(doc.figures !== null ? [para(doc.figures)] : []),
    h2(doc.heard.heading),
    doc.heard.themes.length > 0
      ? `<ol style="${P}">${doc.heard.themes.map((t) => `<li>${esc(t.text)}${t.answer !== null ? `<br><span style="color:${MUTED}">${esc(t.answer)}</span>` : ''}</li>`).join('')}</ol>`
      : '',
    doc.heard.empty !== null ? para(doc.heard.empty) : '',
    ...doc.heard.quotes.map(
      (q) => `<p style="${P};border-left:4px solid ${accent};padding-left:12px">${esc(q.text)}<br><span style="color:${MUTED};font-size:14px">${esc(q.attribution)}</span></p>`,
    ),
    ...section(doc.improved),
    ...section(doc.planned),
    h2(doc.again.heading),
    para(doc.again.text),
    url ? `<p style="${P}"><a href="${esc(url)}" style="color:${accent}">Read this letter on the web</a></p>` : '',
    `<p style="${P}">${esc(doc.signature.closing)}<br><strong>${esc(doc.signature.name)}</strong><br>${esc(doc.signature.line)}</p>`,
    program.contactEmail
      ? `<p style="${P};font-size:14px;color:${MUTED}">${esc(CONTACT_PROMPT)} Write to <a href="mailto:${esc(program.contactEmail)}" style="color:${accent}">${esc(program.contactEmail)}</a>.</p>`
      : '',
  ];
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(doc.title)}</title></head><body style="margin:0;padding:0;background:#f5f6f8"><table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f5f6f8"><tr><td align="center" style="padding:24px 12px"><table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;width:100%;background:#ffffff;border-top:4px solid ${accent}"><tr><td style="padding:28px 32px;font-family:Arial,Helvetica,sans-serif">${parts.join('')}</td></tr></table></td></tr></table></body></html>\n`;
}
