import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Chat transcripts: the visitor's language (the widget's, for the transcript
 * mail) and the message that carried the transcript, so it is sent once.
 */
export class ChatTranscripts1767710000000 implements MigrationInterface {
  name = 'ChatTranscripts1767710000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE chat_sessions
        ADD COLUMN language text CHECK (language IN ('pl', 'en')),
        ADD COLUMN transcript_message_id uuid REFERENCES messages (id) ON DELETE SET NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE chat_sessions DROP COLUMN transcript_message_id, DROP COLUMN language`);
  }
}
