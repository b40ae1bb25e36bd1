import { describe, expect, it } from 'vitest';
import { distinctIds, nameWave } from '../../src/pipeline/init/name-wave.ts';
import { recogniseTool } from '../../src/pipeline/init/recognise-tool.ts';

describe('nameWave', () => {
  it.each([
    ['NPS Q3 2025.csv', '2025-Q3', 'Q3 2025'],
    ['nps_2026-Q1_export.csv', '2026-Q1', 'Q1 2026'],
    ['survey_2026-03.csv', '2026-03', 'March 2026'],
    ['export March 2026.csv', '2026-03', 'March 2026'],
    ['Umfrage_H2_2025.csv', '2025-H2', 'H2 2025'],
  ])('takes the period in %j', (file, id, label) => {
    expect(nameWave(file, ['2020-01-01'])).toEqual({ id, label, from: 'file name' });
  });

  it('names a wave from its dates when the file name says nothing', () => {
    expect(nameWave('export.csv', ['2025-08-04', '2025-08-29'])).toMatchObject({ id: '2025-08', label: 'August 2025', from: 'dates' });
    // Across months: the quarter of the middle date.
    expect(nameWave('export.csv', ['2025-09-20', '2025-10-01', '2025-10-03'])).toMatchObject({ id: '2025-Q4', from: 'dates' });
    // A full date in the file name is not a period.
    expect(nameWave('export_2026-03-15.csv', ['2026-02-01'])).toMatchObject({ id: '2026-02', from: 'dates' });
  });

  it('falls back to the file name, made a valid wave id', () => {
    expect(nameWave('Réponses (final) v2.csv', [])).toEqual({ id: 'Reponses-final-v2', label: 'Réponses (final) v2', from: 'file name as written' });
  });

  it('makes ids distinct', () => {
    const named = distinctIds([nameWave('a.csv', ['2025-08-01']), nameWave('b.csv', ['2025-08-09'])]);
    expect(named.map((n) => n.id)).toEqual(['2025-08', '2025-08-2']);
  });
});

describe('recogniseTool', () => {
  it.each([
    [['StartDate', 'EndDate', 'Status', 'Finished', 'RecordedDate', 'ResponseId', 'Q1'], 'qualtrics'],
    [['Respondent ID', 'Collector ID', 'Start Date', 'End Date', 'How likely…'], 'surveymonkey'],
    [['#', 'How likely…', 'Submit Date (UTC)', 'Network ID', 'Tags'], 'typeform'],
    [['ID', 'Start time', 'Completion time', 'Email', 'Name', 'How likely…'], 'microsoft-forms'],
    [['Timestamp', 'Email address', 'How likely…'], 'google-forms'],
    [['response_id', 'answer', 'comment', 'responded', 'sent'], 'asknicely'],
    [['Record ID', 'Survey name', 'Survey type', 'Date', 'Rating', 'Response'], 'hubspot'],
    [['Response ID', 'Score', 'Comment', 'Response timestamp', 'Notes'], 'delighted'],
    [['Response ID', 'NPS', 'Date'], 'csv'],
  ])('recognises %j as %s', (headers, tool) => {
    expect(recogniseTool(headers).id).toBe(tool);
  });

  it('says how the tool numbers responses', () => {
    expect(recogniseTool(['ID', 'Start time', 'Completion time']).ids).toBe('per_wave');
    expect(recogniseTool(['Timestamp', 'Score']).ids).toBe('row_number');
  });
});
