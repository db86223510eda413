import { Entity, PrimaryColumn } from 'typeorm';

/** A user's membership of a queue: they work its tickets and may get them assigned. */
@Entity('queue_members')
export class QueueMemberEntity {
  @PrimaryColumn('uuid', { name: 'queue_id' })
  queueId!: string;

  @PrimaryColumn('uuid', { name: 'user_id' })
  userId!: string;
}
