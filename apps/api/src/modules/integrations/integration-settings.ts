import type { OrderProvider } from '@okienko/domain';

/** The settings of each shop system: which are shown (`public`) and which are credentials (stored encrypted, never returned). */
export const SETTINGS_OF: Record<OrderProvider, { public: { name: string; required: boolean; url?: boolean }[]; secret: string[] }> = {
  woocommerce: { public: [{ name: 'url', required: true, url: true }], secret: ['consumerKey', 'consumerSecret'] },
  baselinker: { public: [{ name: 'apiUrl', required: false, url: true }], secret: ['token'] },
  shoper: { public: [{ name: 'url', required: true, url: true }, { name: 'login', required: true }], secret: ['password'] },
};

export interface SplitSettings {
  public: Record<string, string>;
  secret: Record<string, string>;
}

/** A problem with one settings field, named as `settings.<field>`. */
export class SettingsProblem extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Checks a type's settings and splits them into what is shown and the
 * credentials. `current` (on a change) supplies credentials left out.
 */
export function splitSettings(type: OrderProvider, settings: Record<string, unknown>, current?: SplitSettings): SplitSettings {
  const spec = SETTINGS_OF[type];
  const known = new Set([...spec.public.map((p) => p.name), ...spec.secret]);
  for (const name of Object.keys(settings)) {
    if (!known.has(name)) throw new SettingsProblem(`settings.${name}`, `settings.${name} is not a setting of ${type} (expected: ${[...known].join(', ')})`);
  }
  const text = (name: string): string | undefined => {
    const value = settings[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string' || !value.trim()) throw new SettingsProblem(`settings.${name}`, `settings.${name} must be a non-empty string`);
    if (value.length > 2000) throw new SettingsProblem(`settings.${name}`, `settings.${name} must be at most 2000 characters`);
    return value.trim();
  };
  const result: SplitSettings = { public: {}, secret: {} };
  for (const field of spec.public) {
    const value = text(field.name) ?? current?.public[field.name];
    if (value === undefined) {
      if (field.required) throw new SettingsProblem(`settings.${field.name}`, `settings.${field.name} is required for ${type}`);
      continue;
    }
    if (field.url && !isHttpUrl(value)) throw new SettingsProblem(`settings.${field.name}`, `settings.${field.name} must be an http(s) URL`);
    result.public[field.name] = field.url ? value.replace(/\/+$/, '') : value;
  }
  for (const name of spec.secret) {
    const value = text(name) ?? current?.secret[name];
    if (value === undefined) throw new SettingsProblem(`settings.${name}`, `settings.${name} is required for ${type}`);
    result.secret[name] = value;
  }
  return result;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password;
  } catch {
    return false;
  }
}
