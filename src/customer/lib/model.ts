/**
 * The customer site's only data: the customer projection the pipeline wrote, handed to this
 * build by the CLI (virtual:chorus/customer) and checked on read against its strict schema.
 * Nothing here can read the internal model.
 */
import { readFileSync } from 'node:fs';
import { customerModelFile } from 'virtual:chorus/customer';
import { readCustomerModel, type CustomerModel } from '../../pipeline/model/customer-model.ts';

let cached: CustomerModel | null = null;

export function getCustomerModel(): CustomerModel {
  return (cached ??= readCustomerModel(readFileSync(customerModelFile, 'utf8'), customerModelFile));
}
