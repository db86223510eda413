import { normalisePhone, type FormSettings, type FormValue } from '@okienko/domain';

/** The submission's e-mail address: the field named `email`, else the first e-mail field with a value (lower case). */
export function emailOf(form: FormSettings, values: Record<string, FormValue>): string | null {
  const field = form.fields.find((f) => f.name === 'email' && values[f.name]) ?? form.fields.find((f) => f.type === 'email' && values[f.name]);
  return field ? String(values[field.name]).toLowerCase() : null;
}

/** The submission's phone number in E.164: the field named `phone`, else the first phone field with a value. */
export function phoneOf(form: FormSettings, values: Record<string, FormValue>, region: string): string | null {
  const field = form.fields.find((f) => f.name === 'phone' && values[f.name]) ?? form.fields.find((f) => f.type === 'phone' && values[f.name]);
  return field ? normalisePhone(String(values[field.name]), region) : null;
}
