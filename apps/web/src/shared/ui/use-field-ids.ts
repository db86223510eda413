import { useId } from 'vue';

let fallback = 0;

/** Unique ids for a component's form fields, to tie labels to inputs: `{ name: 'v-0-name', … }`. */
export function useFieldIds<K extends string>(...names: K[]): Record<K, string> {
  const base = useId() ?? `field-${++fallback}`;
  return Object.fromEntries(names.map((name) => [name, `${base}-${name}`])) as Record<K, string>;
}
