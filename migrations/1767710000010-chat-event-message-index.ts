import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A ticket message is told in a chat once: a unique index on
 * `chat_events.message_id` (the chat view and the chat transport both record
 * an agent's reply; the second insert does nothing), which also spares every
 * insert a scan of the table.
 */
export class ChatEventMessageIndex1767710000010 implements MigrationInterface {
  name = 'ChatEventMessageIndex1767710000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM chat_events a USING chat_events b WHERE a.message_id = b.message_id AND a.id > b.id`);
    await q.query(`CREATE UNIQUE INDEX chat_events_message_idx ON chat_events (message_id) WHERE message_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX chat_events_message_idx`);
  }
}
