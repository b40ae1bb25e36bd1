/**
 * Internal export for the CX team: the letter after each wave as a self-contained HTML email,
 * ready to paste into an email tool. Built from the customer projection only, with the same
 * letter (src/shared/letter.ts) the customer site's page renders.
 */
import type { APIRoute } from 'astro';
import { getModel } from '../../lib/model.ts';
import { letterAfter } from '../../../shared/content.ts';
import { letterOf } from '../../../shared/letter.ts';
import { letterEmail } from '../../../shared/letter-email.ts';
import { toCustomerModel } from '../../../pipeline/model/customer-model.ts';

export function getStaticPaths() {
  return getModel().waves.map((w) => ({ params: { wave: w.id } }));
}

export const GET: APIRoute = async ({ params }) => {
  const model = getModel();
  const customer = toCustomerModel(model);
  const wave = customer.waves.find((w) => w.id === params.wave)!;
  const { sources } = await letterAfter(wave.id);
  const base = model.program.customerSite.baseUrl?.replace(/\/$/, '') ?? null;
  const html = letterEmail(letterOf(customer, wave, sources), customer.program, base ? `${base}/heard/${wave.id}/` : null);
  return new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } });
};
