/**
 * Rows survey tools write under the header that are not answers: Qualtrics' question-text and
 * import-id rows, SurveyMonkey's second header row. Ingest and `npm run init` both skip them.
 */

/**
 * SurveyMonkey's second header row: blank under the respondent's own columns (Respondent ID
 * first), and under each question "Response", "Open-Ended Response" or an answer option's label.
 */
export function isSubHeaderRow(cells: string[]): boolean {
  if (cells.length < 2 || cells[0]!.trim() !== '') return false;
  let marked = false;
  for (const c of cells) {
    const t = c.trim();
    if (t === 'Response' || t === 'Open-Ended Response') marked = true;
    else if (t.length > 200 || /^\d+([.,]\d+)?$/.test(t)) return false;
  }
  return marked;
}

/** Qualtrics puts `{"ImportId":"QID1"}` cells in the row under its question-text row. */
export function isImportIdRow(cells: string[]): boolean {
  let seen = false;
  for (const c of cells) {
    if (c === '') continue;
    if (!c.startsWith('{"ImportId"')) return false;
    seen = true;
  }
  return seen;
}
