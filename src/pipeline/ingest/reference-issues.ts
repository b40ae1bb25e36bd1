/**
 * The row problems an answer's references can have, worded once for every reader of answers: the
 * streaming ingest, the DuckDB engine and a supplied extract report them alike.
 */
export interface ReferenceIssue {
  code: string;
  column: string;
  message: string;
  fix: string;
}

export const UNKNOWN_CONTACT: ReferenceIssue = {
  code: 'contact_id.unknown',
  column: 'contact_id',
  message: 'this contact is not in contacts.csv',
  fix: 'add the contact to contacts.csv, or correct the id',
};

export const UNKNOWN_ACCOUNT: ReferenceIssue = {
  code: 'account_id.unknown',
  column: 'account_id',
  message: 'this account is not in accounts.csv',
  fix: 'add the account to accounts.csv, or correct the id',
};

export const ACCOUNT_MISMATCH: ReferenceIssue = {
  code: 'account_id.mismatch',
  column: 'account_id',
  message: 'contacts.csv puts this contact at another account',
  fix: 'correct the account id here or in contacts.csv',
};

/**
 * A response id an earlier used row already has, at `where` (file and row). `perWaveHint`: the
 * earlier row is another wave's under `responses.ids: unique`, where per-wave numbering is the
 * likely cause.
 */
export function duplicateResponse(where: string, perWaveHint: boolean): ReferenceIssue {
  return {
    code: 'response_id.duplicate',
    column: 'response_id',
    message: `this response id was already used (${where})`,
    fix: perWaveHint
      ? 'if your survey tool numbers the responses of each export from 1 (Microsoft Forms does), set responses.ids: per_wave in program.yml; otherwise give each response its own id'
      : 'give each response its own id; if the row was exported twice, delete one copy',
  };
}
