import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ORDER_STATUSES } from '@okienko/domain';
import { MARKETPLACES, RULE_TRIGGERS, type ConditionGroup, type RuleAction, type RuleTrigger, type RuleTriggerParams } from '@okienko/routing';
import { IsArray, IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

const CONDITIONS_EXAMPLE = {
  match: 'all',
  conditions: [
    { field: 'inbound_address', operator: 'is', value: 'reklamacje@sklep.pl' },
    { match: 'any', conditions: [{ field: 'subject', operator: 'contains_any_word', value: ['awaria', 'nie działa'] }] },
  ],
};

/**
 * A rule: when `trigger` happens and `conditions` hold, carry out `actions`.
 * Conditions and actions are checked by the rule engine; a problem is
 * answered with 400 RULE_INVALID naming the place (`conditions[1]`, `actions[0]`).
 */
export class CreateRuleDto {
  @ApiProperty({ example: 'Reklamacje → kolejka Reklamacje' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @ApiPropertyOptional({ default: false, description: 'New rules start disabled unless asked: dry-run them first.' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiProperty({ enum: RULE_TRIGGERS })
  @IsIn(RULE_TRIGGERS)
  trigger!: RuleTrigger;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: { status: 'waiting_customer', hours: 72 },
    description: 'For time_in_status: status and hours; for the SLA triggers: hours before/after the deadline.',
  })
  @IsOptional()
  @IsObject()
  triggerParams?: RuleTriggerParams;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: CONDITIONS_EXAMPLE,
    description:
      `A group {match: all|any, conditions: [...]} of conditions {field, operator, value} and nested groups. Fields: inbound_address, sender_address, sender_domain, subject, body, channel (the ticket's: email, web_form, phone, chat, api, marketplace, social), customer_tag, customer_field:<name>, category, priority, status, queue, assignee, tag, has_attachments, business_hours, ` +
      `order_status (the status of the customer's order in the connected shops: ${ORDER_STATUSES.join(', ')}; asked of the shops only while a rule uses it), ` +
      `marketplace (${MARKETPLACES.join(', ')}; allegro: Allegro's message centre; amazon: a buyer's mail through Amazon's relay addresses; empty for everything else; e.g. marketplace is allegro and body contains "zwrot"), ` +
      `form.<name> (a field of the web form the ticket came from, compared as text, e.g. form.remedy is refund; empty for tickets not from a form). Operators: is, is_not, contains, not_contains, contains_any_word, starts_with, matches_regex, is_empty, is_not_empty. Text matching ignores case and Polish diacritics.`,
  })
  @IsObject()
  conditions!: ConditionGroup;

  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    example: [{ type: 'set_queue', queueId: '00000000-0000-0000-0000-000000000000' }, { type: 'set_priority', priority: 'high' }, { type: 'assign_by_strategy' }],
    description:
      'In order: set_queue {queueId}, set_category {categoryId}, set_priority {priority}, set_status {status}, assign {userId}, assign_by_strategy, add_tag {tag}, remove_tag {tag}, add_note {body}, reply_with_template {templateId}, notify {target: assignee|queue|lead|user, userId?}, forward_copy {address}, call_webhook {url}, send_survey {kind: csat|nps}, close.',
  })
  @IsArray()
  actions!: RuleAction[];

  @ApiPropertyOptional({ default: false, description: 'When this rule matches, later rules of the same trigger are not evaluated.' })
  @IsOptional()
  @IsBoolean()
  stopProcessing?: boolean;

  @ApiPropertyOptional({ description: 'Position among the rules of its trigger (ascending); new rules go last.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  order?: number;
}
