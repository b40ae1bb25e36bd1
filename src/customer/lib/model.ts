/**
 * The customer site's only data: the customer projection the pipeline wrote, handed to this
 * build by the CLI (virtual:chorus/customer). Nothing here can read the internal model.
 */
import { readFileSync } from 'node:fs';
import { customerModelFile } from 'virtual:chorus/customer';
import { CUSTOMER_MODEL_VERSION, type CustomerModel } from '../../pipeline/model/customer-model.ts';

let cached: CustomerModel | null = null;

export function getCustomerModel(): CustomerModel {
  if (cached) return cached;
  const model = JSON.parse(readFileSync(customerModelFile, 'utf8')) as CustomerModel;
  if (model.version !== CUSTOMER_MODEL_VERSION) throw new Error(`the customer model at ${customerModelFile} is version ${model.version}; run the build again`);
  return (cached = model);
}
