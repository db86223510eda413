/**
 * The satisfaction surveys sent after a ticket closes: CSAT ("how satisfied
 * are you", 1–5) and NPS ("how likely are you to recommend us", 0–10).
 */
export const SURVEY_KINDS = ['csat', 'nps'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];

/** The lowest and highest score of each kind, both included. */
export const SURVEY_SCALES: Readonly<Record<SurveyKind, { min: number; max: number }>> = Object.freeze({
  csat: { min: 1, max: 5 },
  nps: { min: 0, max: 10 },
});

export function isSurveyKind(value: unknown): value is SurveyKind {
  return typeof value === 'string' && (SURVEY_KINDS as readonly string[]).includes(value);
}

/** Whether `score` is a whole number on the kind's scale. */
export function isValidSurveyScore(kind: SurveyKind, score: unknown): score is number {
  const scale = SURVEY_SCALES[kind];
  return typeof score === 'number' && Number.isInteger(score) && score >= scale.min && score <= scale.max;
}
