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

  it('names for each wave the wave after it, with the day it opened, so a past letter invites to its own next survey', async () => {
    const { model } = await runPipeline({
      dataDir: tempProgram({
        'program.yml':
          'waves:\n  - { id: 2025-Q4, label: Q4 2025, opened: 2025-11-03 }\n  - { id: 2026-Q1, label: Q1 2026, opened: 2026-02-02 }\n  - { id: 2026-Q2, label: Q2 2026 }\ncustomer_site:\n  next_wave: in August 2026\n',
        'responses/2025-Q4.csv': 'response_id,score\na1,9\n',
        'responses/2026-Q1.csv': 'response_id,score\nb1,9\n',
        'responses/2026-Q2.csv': 'response_id,score\nc1,9\n',
      }),
    });
    const customer = toCustomerModel(model);
    expect(customer.waves.map((w) => [w.id, w.next])).toEqual([
      ['2025-Q4', { label: 'Q1 2026', opened: '2026-02-02' }],
      ['2026-Q1', { label: 'Q2 2026', opened: null }],
      ['2026-Q2', null],
    ]);
    expect(customer.program.nextWave).toBe('in August 2026');
    expect(readCustomerModel(JSON.stringify(customer), 'c.json')).toEqual(customer);
  });
});
