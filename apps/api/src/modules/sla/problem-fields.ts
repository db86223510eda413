/** A problem of a calendar or policy: the place and a message that starts with it. */
export interface PlacedProblem {
  path: string;
  message: string;
}

/** Problems as `details.fields` of an error answer: one entry per place, in the order found. */
export function problemFields(problems: readonly PlacedProblem[]): { field: string; errors: string[] }[] {
  const byField = new Map<string, string[]>();
  for (const { path, message } of problems) byField.set(path, [...(byField.get(path) ?? []), message]);
  return [...byField].map(([field, errors]) => ({ field, errors }));
}
