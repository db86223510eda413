import { describe, expect, it } from '@jest/globals';
import { isSurveyKind, isValidSurveyScore } from '../survey-kind.js';

describe('survey kinds and scores', () => {
  it('knows CSAT and NPS only', () => {
    expect(isSurveyKind('csat')).toBe(true);
    expect(isSurveyKind('nps')).toBe(true);
    expect(isSurveyKind('CSAT')).toBe(false);
    expect(isSurveyKind(undefined)).toBe(false);
  });

  it.each([
    ['csat', 1, true], ['csat', 5, true], ['csat', 0, false], ['csat', 6, false], ['csat', 4.5, false], ['csat', '4', false],
    ['nps', 0, true], ['nps', 10, true], ['nps', -1, false], ['nps', 11, false], ['nps', Number.NaN, false],
  ] as const)('%s %p → %p', (kind, score, valid) => {
    expect(isValidSurveyScore(kind, score)).toBe(valid);
  });
});
