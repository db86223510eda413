import { PartialType } from '@nestjs/swagger';
import { CreateRuleDto } from './create-rule.dto.js';

/** The fields to change; `enabled` alone switches a rule on or off. */
export class UpdateRuleDto extends PartialType(CreateRuleDto) {}
