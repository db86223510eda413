import { ApiProperty } from '@nestjs/swagger';
import { RULE_TRIGGERS, type ConditionGroup, type RuleAction, type RuleTrigger, type RuleTriggerParams } from '@okienko/routing';
import type { RuleEntity } from '../entities/rule.entity.js';

export class RuleDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: String, nullable: true, description: 'Set on the ready-made scenarios.' })
  slug!: string | null;

  @ApiProperty()
  name!: string;

  @ApiProperty({ type: String, nullable: true })
  description!: string | null;

  @ApiProperty()
  enabled!: boolean;

  @ApiProperty({ description: 'Rules of one trigger run in ascending order.' })
  order!: number;

  @ApiProperty({ enum: RULE_TRIGGERS })
  trigger!: RuleTrigger;

  @ApiProperty({ type: 'object', additionalProperties: true })
  triggerParams!: RuleTriggerParams;

  @ApiProperty({ type: 'object', additionalProperties: true })
  conditions!: ConditionGroup;

  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } })
  actions!: RuleAction[];

  @ApiProperty()
  stopProcessing!: boolean;

  @ApiProperty()
  createdAt!: Date;

  @ApiProperty()
  updatedAt!: Date;

  static from(rule: RuleEntity): RuleDto {
    return {
      id: rule.id,
      slug: rule.slug,
      name: rule.name,
      description: rule.description,
      enabled: rule.enabled,
      order: rule.position,
      trigger: rule.trigger,
      triggerParams: rule.triggerParams,
      conditions: rule.conditions,
      actions: rule.actions,
      stopProcessing: rule.stopProcessing,
      createdAt: rule.createdAt,
      updatedAt: rule.updatedAt,
    };
  }
}

export class RuleListDto {
  @ApiProperty({ type: [RuleDto] })
  items!: RuleDto[];

  @ApiProperty()
  total!: number;
}
