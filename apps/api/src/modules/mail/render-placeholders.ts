/**
 * Fills `{{name}}` placeholders (spaces inside the braces allowed); unknown
 * placeholders are left as written, so a typo stays visible instead of vanishing.
 */
export function renderPlaceholders(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, name: string) => values[name] ?? whole);
}
