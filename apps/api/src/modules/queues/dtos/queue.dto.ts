import { ApiProperty } from '@nestjs/swagger';
import { ASSIGNMENT_STRATEGIES, UNRESOLVED_STATUSES, type AssignmentStrategy } from '@okienko/domain';
import type { QueueDetails } from '../queue-details.js';
import { QueueMemberDto } from './queue-member.dto.js';
import { QueueTicketCountsDto } from './queue-ticket-counts.dto.js';

export class QueueDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Reklamacje' })
  name!: string;

  @ApiProperty({ example: 'complaints', description: 'Stable name for rules and integrations.' })
  slug!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Reklamacje i zwroty towaru' })
  description!: string | null;

  @ApiProperty({ type: String, nullable: true, description: "Signature of replies on this queue's tickets when the agent has none." })
  signature!: string | null;

  @ApiProperty({ description: 'Tickets without a queue land here.' })
  isDefault!: boolean;

  @ApiProperty({
    enum: ASSIGNMENT_STRATEGIES,
    description: 'How new tickets get an agent: manual (nobody, agents take them), round_robin (members in turn), least_open (the member with the fewest open tickets). Inactive and absent members are skipped.',
  })
  assignmentStrategy!: AssignmentStrategy;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The team lead.' })
  leadId!: string | null;

  @ApiProperty({ type: Number, nullable: true, example: 20, description: 'Members with this many open tickets (in any queue) get no more; null: no cap.' })
  maxOpenPerAgent!: number | null;

  @ApiProperty({ type: [QueueMemberDto], description: 'By name.' })
  members!: QueueMemberDto[];

  @ApiProperty({ type: QueueTicketCountsDto, description: "The queue's tickets in each status." })
  counts!: QueueTicketCountsDto;

  @ApiProperty({ description: 'Tickets in an unresolved status (new, open, waiting_customer, waiting_third_party).' })
  openCount!: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  static from({ queue, members, counts }: QueueDetails): QueueDto {
    return {
      id: queue.id,
      name: queue.name,
      slug: queue.slug,
      description: queue.description,
      signature: queue.signature ?? null,
      isDefault: queue.isDefault,
      assignmentStrategy: queue.assignmentStrategy,
      leadId: queue.leadId,
      maxOpenPerAgent: queue.maxOpenPerAgent,
      members: members.map(({ id, name, active, absent }) => ({ id, name, active, absent })),
      counts: { ...counts },
      openCount: UNRESOLVED_STATUSES.reduce((sum, status) => sum + counts[status], 0),
      createdAt: queue.createdAt.toISOString(),
      updatedAt: queue.updatedAt.toISOString(),
    };
  }
}

export class QueueListDto {
  @ApiProperty({ type: [QueueDto] })
  items!: QueueDto[];

  @ApiProperty()
  total!: number;
}
