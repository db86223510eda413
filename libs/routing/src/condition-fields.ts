import { CONDITION_OPERATORS, CUSTOMER_FIELD_PREFIX, FORM_FIELD_PREFIX, STATIC_CONDITION_FIELDS } from './rule.js';
import type { ConditionField, ConditionOperator, StaticConditionField } from './rule.js';

/**
 * How a field is compared:
 * - `text`: free text (all operators, case- and diacritics-insensitive);
 * - `list`: several texts (`is` = one element equals, `contains` = one element contains…);
 * - `id`: an identifier or enum value (`is`/`is_not` one of the values, emptiness);
 * - `boolean`: yes/no (`is`/`is_not` with `true`/`false`).
 */
export type ConditionFieldKind = 'text' | 'list' | 'id' | 'boolean';

const FIELD_KINDS: Readonly<Record<StaticConditionField, ConditionFieldKind>> = Object.freeze({
  inbound_address: 'list',
  sender_address: 'text',
  sender_domain: 'text',
  subject: 'text',
  body: 'text',
  channel: 'id',
  customer_tag: 'list',
  category: 'id',
  priority: 'id',
  status: 'id',
  queue: 'id',
  assignee: 'id',
  tag: 'list',
  has_attachments: 'boolean',
  business_hours: 'boolean',
  order_status: 'id',
  marketplace: 'id',
});

const OPERATORS_BY_KIND: Readonly<Record<ConditionFieldKind, readonly ConditionOperator[]>> = Object.freeze({
  text: CONDITION_OPERATORS,
  list: CONDITION_OPERATORS,
  id: Object.freeze(['is', 'is_not', 'is_empty', 'is_not_empty'] as const),
  boolean: Object.freeze(['is', 'is_not'] as const),
});

/** A web form field's name, as forms allow them. */
const FORM_FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;

/** The kind of a field, or null for an unknown field (including `customer_field:` or `form.` without a name). */
export function conditionFieldKind(field: string): ConditionFieldKind | null {
  if (typeof field !== 'string') return null;
  if (field.startsWith(CUSTOMER_FIELD_PREFIX)) {
    return field.length > CUSTOMER_FIELD_PREFIX.length ? 'text' : null;
  }
  if (field.startsWith(FORM_FIELD_PREFIX)) {
    return FORM_FIELD_NAME.test(field.slice(FORM_FIELD_PREFIX.length)) ? 'text' : null;
  }
  return (STATIC_CONDITION_FIELDS as readonly string[]).includes(field) ? FIELD_KINDS[field as StaticConditionField] : null;
}

/** The operators a field accepts (empty for an unknown field). */
export function operatorsForField(field: ConditionField | string): readonly ConditionOperator[] {
  const kind = conditionFieldKind(field);
  return kind ? OPERATORS_BY_KIND[kind] : [];
}

/** Operators that compare with nothing. */
export function operatorTakesValue(operator: ConditionOperator): boolean {
  return operator !== 'is_empty' && operator !== 'is_not_empty';
}
