import { ApiProperty } from '@nestjs/swagger';
import type { CustomerMergeEntity } from '../entities/customer-merge.entity.js';

/** One merge into a customer, as their history shows it. */
export class CustomerMergeDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  sourceId!: string;

  @ApiProperty({ type: String, nullable: true, description: "The source customer's name before the merge." })
  sourceName!: string | null;

  @ApiProperty({ type: String, nullable: true, description: "The source customer's e-mail before the merge." })
  sourceEmail!: string | null;

  @ApiProperty({ description: 'How many tickets moved.' })
  ticketCount!: number;

  @ApiProperty({ description: 'How many identities moved.' })
  identityCount!: number;

  @ApiProperty({ type: String, nullable: true, example: 'Anna Nowak' })
  actorName!: string | null;

  @ApiProperty({ format: 'date-time' })
  mergedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the merge was undone.' })
  unmergedAt!: string | null;

  @ApiProperty({ format: 'date-time', description: 'Until when it can be undone.' })
  undoableUntil!: string;

  static from(merge: CustomerMergeEntity, windowDays: number): CustomerMergeDto {
    return {
      id: merge.id,
      sourceId: merge.sourceId,
      sourceName: merge.sourceState.name,
      sourceEmail: merge.sourceState.email,
      ticketCount: merge.ticketIds.length,
      identityCount: merge.identityIds.length,
      actorName: merge.actorName,
      mergedAt: merge.mergedAt.toISOString(),
      unmergedAt: merge.unmergedAt?.toISOString() ?? null,
      undoableUntil: new Date(merge.mergedAt.getTime() + windowDays * 86_400_000).toISOString(),
    };
  }
}
