/**
 * The letter after a wave as one self-contained HTML email: inline styles only, no scripts,
 * no external files, every text escaped. Built from the customer projection and the published
 * content only, the same as the customer site's page.
 */
import type { CustomerModel, CustomerWave } from '../../pipeline/model/customer-model.ts';
import type { PublishedPlan, PublishedQuote } from './published.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const P = 'margin:0 0 14px;font-size:16px;line-height:1.55;color:#1b1f24';
const H2 = 'margin:26px 0 10px;font-size:19px;color:#1b1f24';

/** Paragraphs of a Markdown letter body, as plain text (emphasis and links kept as their words). */
function paragraphs(markdown: string): string[] {
  return markdown
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.replace(/\r?\n/g, ' ').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_`#>]+/g, '').trim())
    .filter((p) => p !== '');
}

export function letterEmail(model: CustomerModel, w: CustomerWave, letter: { title: string; body: string } | null, plans: PublishedPlan[], quotes: PublishedQuote[], url: string | null): string {
  const p = model.program;
  const done = plans.filter((x) => x.status === 'done');
  const planned = plans.filter((x) => x.status === 'in progress' || x.status === 'planned');
  const title = letter?.title ?? `What we heard from you in ${w.label}, and what we are doing about it`;
  const intro = letter ? paragraphs(letter.body) : [`Thank you to everyone who answered our ${w.label} survey, and to everyone we invited: this letter goes to all of you.`];
  const plan = (x: PublishedPlan, line: string) => `<p style="${P}"><strong>${esc(x.title)}</strong><br>${esc(x.objective)}<br><span style="color:#545d68">${esc(line)}</span></p>`;
  const parts = [
    `<h1 style="margin:0 0 18px;font-size:24px;line-height:1.3;color:#1b1f24">${esc(title)}</h1>`,
    `<p style="${P}">Dear customer,</p>`,
    ...intro.map((t) => `<p style="${P}">${esc(t)}</p>`),
    `<h2 style="${H2}">What we heard</h2>`,
    w.themes.length > 0 ? `<ol style="${P}">${w.themes.map((t) => `<li>${esc(t.theme[0]!.toUpperCase() + t.theme.slice(1))}${t.improvement ? ': something to improve' : ': something you value'}</li>`).join('')}</ol>` : `<p style="${P}">Too few of you wrote comments for us to report themes.</p>`,
    ...quotes.map((q) => `<p style="${P};border-left:4px solid ${esc(p.accentColor)};padding-left:12px">${esc(q.quote)}<br><span style="color:#545d68;font-size:14px">${esc(q.role ? `${q.role}, at one of our customers` : 'One of our customers')}</span></p>`),
    `<h2 style="${H2}">What we have already improved</h2>`,
    ...(done.length > 0 ? done.map((x) => plan(x, x.result ? `Result: ${x.result}` : 'Done.')) : [`<p style="${P}">Nothing is finished yet; the work below is under way.</p>`]),
    `<h2 style="${H2}">What we are working on</h2>`,
    ...planned.map((x) => plan(x, `${x.status === 'planned' ? 'Planned' : 'In progress'}. Our goal: ${x.target}`)),
    `<h2 style="${H2}">Tell us again</h2>`,
    `<p style="${P}">${esc(`Your answers decide what we work on next.${p.nextWave ? ` Our next survey opens ${p.nextWave}.` : ''}`)}</p>`,
    url ? `<p style="${P}"><a href="${esc(url)}" style="color:${esc(p.accentColor)}">Read this letter on the web</a></p>` : '',
    `<p style="${P}">With thanks,<br><strong>${esc(p.signatory?.name ?? `The ${p.company} team`)}</strong><br>${esc(p.signatory?.title ? `${p.signatory.title}, ${p.company}` : p.company)}</p>`,
    p.contactEmail ? `<p style="${P};font-size:14px;color:#545d68">Questions? Write to <a href="mailto:${esc(p.contactEmail)}" style="color:${esc(p.accentColor)}">${esc(p.contactEmail)}</a>.</p>` : '',
  ];
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title></head><body style="margin:0;padding:0;background:#f5f6f8"><table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f5f6f8"><tr><td align="center" style="padding:24px 12px"><table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;width:100%;background:#ffffff;border-top:4px solid ${esc(p.accentColor)}"><tr><td style="padding:28px 32px;font-family:Arial,Helvetica,sans-serif">${parts.join('')}</td></tr></table></td></tr></table></body></html>\n`;
}
