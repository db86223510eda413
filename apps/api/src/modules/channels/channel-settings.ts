import { BadRequestException } from '@nestjs/common';
import { checkFormSettings, type ChannelType } from '@okienko/domain';

/**
 * A channel's settings as saved: a web form's are checked and completed (the
 * preset fields of its kind, English texts, normalised origins); other types
 * keep what their adapter was given. Errors name the settings path.
 */
export function checkedChannelSettings(type: ChannelType, settings: Record<string, unknown> | undefined): Record<string, unknown> {
  if (type !== 'web_form') return settings ?? {};
  const checked = checkFormSettings(settings ?? {});
  if (checked.ok) return checked.settings as unknown as Record<string, unknown>;
  const fields = new Map<string, string[]>();
  for (const e of checked.errors) fields.set(e.field, [...(fields.get(e.field) ?? []), e.message]);
  throw new BadRequestException({
    message: checked.errors.map((e) => e.message).join('; '),
    details: { code: 'VALIDATION_FAILED', fields: [...fields].map(([field, errors]) => ({ field, errors })) },
  });
}
