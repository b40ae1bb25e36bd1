/**
 * Internal export for the CX team: the letter after each wave as a self-contained HTML email,
 * ready to paste into an email tool. Built from the customer projection only.
 */
import type { APIRoute } from 'astro';
import { getModel } from '../../lib/model.ts';
import { entries } from '../../lib/content.ts';
import { toCustomerModel } from '../../../pipeline/model/customer-model.ts';
import { letterEmail } from '../../../customer/lib/email.ts';
import { publishedPlans, publishedQuotes } from '../../../customer/lib/published.ts';
import type { Letter } from '../../../pipeline/content/schemas.ts';

export function getStaticPaths() {
  return getModel().waves.map((w) => ({ params: { wave: w.id } }));
}

export const GET: APIRoute = async ({ params }) => {
  const model = getModel();
  const customer = toCustomerModel(model);
  const wave = customer.waves.find((w) => w.id === params.wave)!;
  const letter = (await entries('letters')).find((l) => (l.data as Letter).wave === wave.id && (l.data as Letter).kind === 'after');
  const base = model.program.customerSite.baseUrl?.replace(/\/$/, '') ?? null;
  const html = letterEmail(
    customer,
    wave,
    letter ? { title: (letter.data as Letter).title, body: letter.body ?? '' } : null,
    await publishedPlans(),
    (await publishedQuotes()).filter((q) => q.wave === wave.id).slice(0, 2),
    base ? `${base}/heard/${wave.id}/` : null,
  );
  return new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } });
};
