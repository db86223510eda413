import { allowedTransitions } from '@okienko/domain';
import { computed, ref, watch, type Ref } from 'vue';
import { addTicketMessage, type TicketDetail, type TicketStatus } from '../../../entities/ticket/api';
import { useAppI18n } from '../../../shared/i18n/use-app-i18n';
import { useErrorText } from '../../../shared/i18n/use-error-text';
import { attachmentInput, REPLY_FILES_LIMIT_BYTES, totalSize, type ReplyFile } from './reply-files';

/** "Leave it to the API": a reply moves a new ticket to open and keeps any other status. */
export const DEFAULT_STATUS = 'default';
export type StatusAfterReply = TicketStatus | typeof DEFAULT_STATUS;

export interface ComposerNotice {
  tone: 'success' | 'danger' | 'warning';
  text: string;
}

/**
 * The reply box: its text, the template it came from, the status to set with
 * a reply, and sending it as a reply to the customer or as an internal note.
 * `replyChannel` says which channel a reply goes out on (nothing: the API's default).
 */
export interface ComposerHooks {
  /** Whether the reply goes by e-mail (then To, Cc and Bcc apply). */
  byEmail?: () => boolean;
  /** Runs before the message is sent (the draft settles). */
  beforeSend?: () => Promise<void>;
}

export function useReplyComposer(
  ticket: Ref<TicketDetail | null>,
  onSent: () => Promise<void>,
  replyChannel: () => { channelId?: string } = () => ({}),
  hooks: ComposerHooks = {},
) {
  const { t } = useAppI18n();
  const errorText = useErrorText();
  const body = ref('');
  const templateId = ref<string | null>(null);
  const sending = ref<'reply' | 'note' | null>(null);
  const notice = ref<ComposerNotice | null>(null);
  /** The reply's recipients (e-mail only); To starts as where the customer asked answers to go. */
  const to = ref<string[]>([]);
  const cc = ref<string[]>([]);
  const bcc = ref<string[]>([]);
  const files = ref<ReplyFile[]>([]);
  /** The formatted version when the agent writes with formatting (null: plain text). */
  const html = ref<string | null>(null);

  /** Statuses a reply can leave the ticket in: its own and those it may move to. */
  const statusChoices = computed<TicketStatus[]>(() => {
    const current = ticket.value?.status;
    if (!current) return [];
    return [current, ...allowedTransitions(current)];
  });

  // After answering, the ball is usually in the customer's court.
  const preferredStatus = (): StatusAfterReply =>
    statusChoices.value.includes('waiting_customer') ? 'waiting_customer' : DEFAULT_STATUS;
  const statusAfter = ref<StatusAfterReply>(preferredStatus());
  watch(
    () => ticket.value?.status,
    () => {
      statusAfter.value = preferredStatus();
    },
  );

  async function send(type: 'reply' | 'note'): Promise<boolean> {
    const current = ticket.value;
    if (!current || sending.value) return false;
    const text = body.value.trim();
    if (!text) {
      notice.value = { tone: 'warning', text: t('ticketPage.reply.emptyBody') };
      return false;
    }
    if (totalSize(files.value) > REPLY_FILES_LIMIT_BYTES) {
      notice.value = { tone: 'warning', text: t('compose.attachments.tooLarge', { size: '7 MB' }) };
      return false;
    }
    const byEmail = type === 'reply' && (hooks.byEmail?.() ?? false);
    if (byEmail && to.value.length === 0) {
      notice.value = { tone: 'warning', text: t('compose.recipients.placeholder') };
      return false;
    }
    sending.value = type;
    notice.value = null;
    try {
      await hooks.beforeSend?.();
      const attachments = await Promise.all(files.value.map((f) => attachmentInput(f.file)));
      await addTicketMessage(current.id, {
        type,
        body: text,
        ...(type === 'reply' && templateId.value ? { templateId: templateId.value } : {}),
        ...(type === 'reply' && statusAfter.value !== DEFAULT_STATUS ? { status: statusAfter.value } : {}),
        ...(type === 'reply' ? replyChannel() : {}),
        ...(byEmail ? { toAddresses: to.value, ...(cc.value.length ? { ccAddresses: cc.value } : {}), ...(bcc.value.length ? { bccAddresses: bcc.value } : {}) } : {}),
        ...(attachments.length ? { attachments } : {}),
        ...(html.value && html.value.trim() ? { html: html.value } : {}),
      });
      body.value = '';
      templateId.value = null;
      cc.value = [];
      bcc.value = [];
      files.value = [];
      html.value = html.value === null ? null : '';
      notice.value = { tone: 'success', text: t(type === 'reply' ? 'ticketPage.reply.sent' : 'ticketPage.reply.noteAdded') };
      await onSent();
      return true;
    } catch (error) {
      notice.value = { tone: 'danger', text: t('ticketPage.reply.failed', { message: errorText(error) }) };
      return false;
    } finally {
      sending.value = null;
    }
  }

  return { body, templateId, statusAfter, statusChoices, sending, notice, send, to, cc, bcc, files, html };
}
