import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The index of inbound mails by state keeps only the mails still to do
 * (received, being processed or failed): those the sweep, the restart and the
 * list of failures look for. A processed mail, almost every mail, leaves it, so
 * recording a mail processed writes one index entry fewer, and the index stays
 * as small as the backlog instead of growing with every mail ever received.
 */
export class PendingInboundMailsIndex1767740000000 implements MigrationInterface {
  name = 'PendingInboundMailsIndex1767740000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX inbound_mails_state_idx`);
    await q.query(`CREATE INDEX inbound_mails_state_idx ON inbound_mails (state, received_at) WHERE state <> 'processed'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX inbound_mails_state_idx`);
    await q.query(`CREATE INDEX inbound_mails_state_idx ON inbound_mails (state, received_at)`);
  }
}
