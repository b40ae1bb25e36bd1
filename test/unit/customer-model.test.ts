/** The customer model: projected from a real run, read back whole, and refused with anything extra in it. */
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/run.ts';
import { readCustomerModel, toCustomerModel } from '../../src/pipeline/model/customer-model.ts';
import { tempProgram } from '../helpers/temp-program.ts';

describe('the customer model', () => {
  it('round-trips, and refuses a field the schema does not name (nothing internal rides along)', async () => {
    const { model } = await runPipeline({
      dataDir: tempProgram({
        'accounts.csv': 'account_id,name,arr\nA1,Acme,5000\n',
        'responses/w1.csv': 'response_id,score,account_id\nr1,9,A1\nr2,3,A1\n',
      }),
    });
    const customer = toCustomerModel(model, 'a-long-enough-test-secret-for-keys');
    expect(readCustomerModel(JSON.stringify(customer), 'c.json')).toEqual(customer);
    expect(customer.accounts.map((a) => a.name)).toEqual(['Acme']);
    const smuggled = { ...customer, accounts: customer.accounts.map((a) => ({ ...a, arr: 5000 })) };
    expect(() => readCustomerModel(JSON.stringify(smuggled), 'c.json')).toThrow(/c\.json .*at accounts\.0: Unrecognized key.*"arr".*run the build again/);
    expect(() => readCustomerModel(JSON.stringify({ ...customer, version: 0 }), 'c.json')).toThrow(/at version/);
  });
});
