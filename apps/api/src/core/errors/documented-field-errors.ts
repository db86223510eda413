import { DECORATORS } from '@nestjs/swagger';
import { getMetadataStorage, ValidationTypes, type ValidationError } from 'class-validator';

interface PropertyDocs {
  nullable?: boolean;
  required?: boolean;
}

function isDto(value: unknown): value is object {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as object | null;
  return prototype !== null && prototype !== Object.prototype;
}

function classOf(dto: object): object | undefined {
  return (dto as { constructor?: { prototype?: object } }).constructor?.prototype ?? Object.getPrototypeOf(dto) ?? undefined;
}

/** The documentation of a DTO's property (`@ApiProperty`), read from its class. */
function docsOf(dto: object, key: string): PropertyDocs | undefined {
  const owner = classOf(dto);
  return owner ? (Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, owner, key) as PropertyDocs | undefined) : undefined;
}

/**
 * Whether class-validator checks the property as a nested DTO: it lets such a
 * property through when it is missing, whatever the documentation says.
 */
function validatesNested(dto: object, key: string): boolean {
  const target = (dto as { constructor?: () => unknown }).constructor;
  return typeof target === 'function' && getMetadataStorage()
    .getTargetValidationMetadatas(target, '', true, false)
    .some((meta) => meta.propertyName === key && meta.type === ValidationTypes.NESTED_VALIDATION);
}

/** The properties a DTO documents, present or not. */
function documentedKeys(dto: object): string[] {
  const owner = classOf(dto);
  const keys = owner ? (Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, owner) as string[] | undefined) : undefined;
  return (keys ?? []).map((key) => key.replace(/^:/, ''));
}

/**
 * An error for every property of a validated DTO (and the DTOs nested in it)
 * that its documentation contradicts: `null` where the field is not
 * documented nullable (an optional field may be left out, but `null` is a
 * value, and only the fields documented `nullable: true`, such as clearing a
 * queue, an assignee or a description, take it), or nothing where a nested
 * DTO is documented as required (other fields' own checks refuse a missing
 * value already, or, with `@Allow()`, leave it to the service on purpose).
 */
export function documentedFieldErrors(dto: object, depth = 0): ValidationError[] {
  if (depth > 64) return [];
  const errors: ValidationError[] = [];
  for (const key of documentedKeys(dto)) {
    if ((dto as Record<string, unknown>)[key] === undefined && docsOf(dto, key)?.required !== false && validatesNested(dto, key)) {
      errors.push({ property: key, constraints: { isDefined: `${key} is required` }, children: [] });
    }
  }
  for (const [key, value] of Object.entries(dto)) {
    if (key === 'constructor') continue;
    if (value === null) {
      const docs = docsOf(dto, key);
      if (docs && docs.nullable !== true) {
        errors.push({ property: key, value: null, constraints: { isNotNull: `${key} must not be null` }, children: [] });
      }
    } else if (isDto(value)) {
      const children = documentedFieldErrors(value, depth + 1);
      if (children.length > 0) errors.push({ property: key, children });
    } else if (Array.isArray(value)) {
      const children = value.flatMap((item, index) => {
        const nested = isDto(item) ? documentedFieldErrors(item, depth + 1) : [];
        return nested.length > 0 ? [{ property: String(index), children: nested }] : [];
      });
      if (children.length > 0) errors.push({ property: key, children });
    }
  }
  return errors;
}

/** Adds `extra` to class-validator's `errors`, leaving out any property that already has an error of its own. */
export function mergeValidationErrors(errors: ValidationError[], extra: ValidationError[]): ValidationError[] {
  for (const error of extra) {
    const existing = errors.find((e) => e.property === error.property);
    if (!existing) {
      errors.push(error);
    } else if (!existing.constraints && error.children?.length) {
      existing.children = mergeValidationErrors(existing.children ?? [], error.children);
    }
  }
  return errors;
}
