/**
 * The customer site's only data: the customer projection the pipeline wrote
 * (CHORUS_CUSTOMER_MODEL_FILE). Nothing here can read the internal model.
 */
import { readFileSync } from 'node:fs';
import { CUSTOMER_MODEL_VERSION, type CustomerModel } from '../../pipeline/model/customer-model.ts';

let cached: CustomerModel | null = null;

export function getCustomerModel(): CustomerModel {
  if (cached) return cached;
  const file = process.env['CHORUS_CUSTOMER_MODEL_FILE'];
  if (!file) throw new Error('CHORUS_CUSTOMER_MODEL_FILE is not set: build with `npm run build`');
  const model = JSON.parse(readFileSync(file, 'utf8')) as CustomerModel;
  if (model.version !== CUSTOMER_MODEL_VERSION) throw new Error(`the customer model at ${file} is version ${model.version}; run the build again`);
  return (cached = model);
}
