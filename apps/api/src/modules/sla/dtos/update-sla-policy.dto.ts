import { PartialType } from '@nestjs/swagger';
import { CreateSlaPolicyDto } from './create-sla-policy.dto.js';

/** The fields to change; `{enabled: false}` switches a policy off. Null clears a target or the warning, or sets the default calendar. */
export class UpdateSlaPolicyDto extends PartialType(CreateSlaPolicyDto) {}
