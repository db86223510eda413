import type { TemplateProblem, TemplateProblemKind } from './parse-template.js';

/** Problems of the texts of one request, each with the field (`body`, `subject`, `acknowledgementBody`, …) it is in. */
export interface FieldTemplateProblem {
  readonly field: string;
  readonly problem: TemplateProblem;
}

export interface TemplateProblemDetails {
  /** Every problem in one line: `body: unknown placeholder {{x}} at line 1, column 5 (…); subject: …`. */
  message: string;
  /** As in every validation error of the API: each failing field with its messages (each naming the field). */
  fields: { field: string; errors: string[] }[];
  /** Each offending placeholder with its field and position, for editors to underline. */
  placeholders: { field: string; kind: TemplateProblemKind; placeholder: string; line: number; column: number; suggestion?: string }[];
}

/** What an API error about bad placeholders says, in the API's usual validation shape. */
export function templateProblemDetails(problems: readonly FieldTemplateProblem[]): TemplateProblemDetails {
  const byField = new Map<string, string[]>();
  for (const { field, problem } of problems) byField.set(field, [...(byField.get(field) ?? []), `${field}: ${problem.message}`]);
  const fields = [...byField].map(([field, errors]) => ({ field, errors }));
  return {
    message: fields.flatMap((f) => f.errors).join('; '),
    fields,
    placeholders: problems.map(({ field, problem }) => ({
      field, kind: problem.kind, placeholder: problem.placeholder, line: problem.line, column: problem.column,
      ...(problem.suggestion ? { suggestion: problem.suggestion } : {}),
    })),
  };
}
