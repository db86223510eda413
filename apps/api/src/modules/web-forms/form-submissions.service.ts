import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  adaptiveDifficulty, checkSubmissionValues, formLanguage, HONEYPOT_FIELD, meetsDifficulty, normalisePhone, readFormSettings,
  type FieldError, type FormLanguage, type FormSettings, type FormValue,
} from '@okienko/domain';
import { BadRequestException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { ChannelsService } from '../channels/channels.service.js';
import type { ChannelEntity } from '../channels/entities/channel.entity.js';
import { CustomersRepository } from '../customers/customers.repository.js';
import type { IncomingMessage, SenderIdentity } from '../intake/incoming-message.js';
import { IntakeService } from '../intake/intake.service.js';
import type { NewAttachment } from '../tickets/messages.repository.js';
import { ComplaintRouteRepository } from './complaint-route.repository.js';
import { confirmationMail } from './confirmation-mail.js';
import { EmailDomainCheckService } from './email-domain-check.service.js';
import { FormConfirmationsService } from './form-confirmations.service.js';
import { FormCountersService } from './form-counters.service.js';
import { FormFilingWriter, type FormFiling } from './form-filing.writer.js';
import { FILING_SUBMISSION, type FilingSubmission } from './form-template-values.source.js';
import { FormKeysService } from './form-keys.service.js';
import { submissionSubject, submissionText } from './form-message.js';
import { FormSubmissionsRepository, type FormSubmissionRow, type NewSubmission, type SubmissionState } from './form-submissions.repository.js';
import { publicBase } from './public-base.js';
import { proofDigest, readFormToken, signFormToken } from './form-token.js';
import { StatusLinksService } from './status-links.service.js';
import { checkSubmissionFiles, type UploadedFile } from './submission-files.js';
import { WebFormsErrorCode, WebFormsException } from './web-forms.exception.js';

/** How long a form found by its key is kept before it is read again. */
const FORM_CACHE_MS = 5_000;

/** A submission as it reached a public endpoint. */
export interface SubmissionInput {
  /** The form's fields by name, and `token`, `nonce`, the honeypot, `lang`. */
  body: Record<string, unknown>;
  files: UploadedFile[];
  clientIp: string;
  origin: string | null;
  /** The origin the request reached us on (the form's own pages; links when PUBLIC_URL has no port). */
  selfOrigin: string;
  acceptLanguage: string | null;
}

export interface SubmissionOutcome {
  ticketNumber: string | null;
  statusUrl: string | null;
  message: string;
}

/** Why a submission was kept as spam (recorded with it, shown to the team). */
export type SpamReason = 'honeypot' | 'too_fast' | 'email_rate';

/**
 * Web form submissions: the public definition (with a signed token and the
 * proof of work's difficulty), the checks (token, proof of work, rate limits,
 * honeypot, fill time, e-mail domain, values, files), filing through the
 * intake as a `web_form` message (with a status link and the confirmation
 * mail), and the submissions kept as spam with their "not spam" filing.
 */
@Injectable()
export class FormSubmissionsService {
  private readonly logger = new Logger('WebForms');
  private readonly forms = new Map<string, { found: { channel: ChannelEntity; form: FormSettings }; until: number }>();

  constructor(
    private readonly channels: ChannelsService,
    private readonly intake: IntakeService,
    private readonly submissions: FormSubmissionsRepository,
    private readonly statusLinks: StatusLinksService,
    private readonly counters: FormCountersService,
    private readonly keys: FormKeysService,
    private readonly domains: EmailDomainCheckService,
    private readonly complaintRoute: ComplaintRouteRepository,
    private readonly customers: CustomersRepository,
    private readonly confirmations: FormConfirmationsService,
    private readonly filings: FormFilingWriter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The active web form with this key; 404 otherwise. A form found is kept
   * for FORM_CACHE_MS (a flood of submissions reads it once, not per request):
   * a change of the form reaches its public endpoints within that time.
   */
  async formOf(key: string): Promise<{ channel: ChannelEntity; form: FormSettings }> {
    if (typeof key !== 'string') throw formNotFound();
    const cached = this.forms.get(key);
    if (cached && cached.until > Date.now()) return cached.found;
    const channel = await this.channels.findActiveByKey('web_form', key);
    if (!channel) {
      this.forms.delete(key);
      throw formNotFound();
    }
    const found = { channel, form: readFormSettings(channel.settings) };
    if (this.forms.size >= 1_000) this.forms.clear();
    this.forms.set(key, { found, until: Date.now() + FORM_CACHE_MS });
    return found;
  }

  /** Whether a page of `origin` may use the form: our own pages always, others when listed. */
  originAllowed(form: FormSettings, origin: string | null, selfOrigin: string): boolean {
    if (!origin) return true;
    return origin === selfOrigin || origin === new URL(this.config.publicUrl).origin || form.allowedOrigins.includes(origin);
  }

  assertOrigin(form: FormSettings, origin: string | null, selfOrigin: string): void {
    if (!this.originAllowed(form, origin, selfOrigin)) {
      throw new WebFormsException(WebFormsErrorCode.OriginNotAllowed, `Pages of ${origin} may not use this form (see the form's allowedOrigins)`);
    }
  }

  /** Reads of the public form routes per client address (429 beyond FORMS_READS_PER_IP). */
  async countRead(clientIp: string): Promise<void> {
    const limits = this.config.webForms;
    const { counts, ttl } = await this.counters.count([`reads:ip:${clientIp}`], limits.rateWindowSeconds);
    if (counts[0] > limits.readsPerIp) throw rateLimited('requests for forms', ttl);
  }

  /** A fresh token and the current difficulty (higher while the form is flooded). */
  async issueToken(channel: ChannelEntity): Promise<{ token: string; difficulty: number }> {
    const w = this.config.webForms;
    const recent = await this.counters.peek(`form:${channel.id}:${minute()}`);
    const difficulty = adaptiveDifficulty(w.powDifficulty, recent, w.floodStepPerMinute, w.powMaxDifficulty);
    return { token: signFormToken(await this.keys.signingKey(), channel.id, new Date(), difficulty), difficulty };
  }

  /** A submission of a form whose origin the caller checked (`formOf`, `assertOrigin`). */
  async submit(found: { channel: ChannelEntity; form: FormSettings }, input: SubmissionInput): Promise<SubmissionOutcome> {
    const { channel, form } = found;
    const lang = formLanguage(typeof input.body.lang === 'string' ? input.body.lang : input.acceptLanguage);
    const w = this.config.webForms;

    // Every attempt counts, valid or not: a flood of broken submissions is a flood too.
    const [perIp, perForm] = await this.counters.countEach([
      { key: `submit:ip:${input.clientIp}`, windowSeconds: w.rateWindowSeconds },
      { key: `form:${channel.id}:${minute()}`, windowSeconds: 120 },
    ]);
    if (perIp.count > w.submissionsPerIp) throw rateLimited('form submissions from this address', perIp.ttl);
    if (perForm.count > w.submissionsPerFormPerMinute) throw rateLimited('submissions of this form', 60 - new Date().getUTCSeconds());

    const token = typeof input.body.token === 'string' ? input.body.token : '';
    const claims = readFormToken(await this.keys.signingKey(), token);
    if (!claims || claims.channelId !== channel.id) throw invalid([{ field: 'token', message: TOKEN_MESSAGES[lang].invalid }]);
    const age = Date.now() - claims.issuedAt.getTime();
    if (age > w.tokenMaxAgeSeconds * 1000 || age < -60_000) throw invalid([{ field: 'token', message: TOKEN_MESSAGES[lang].expired }]);
    const nonce = input.body.nonce;
    const nonceText = typeof nonce === 'string' || typeof nonce === 'number' ? String(nonce) : '';
    if (!nonceText || nonceText.length > 64 || !meetsDifficulty(proofDigest(token, nonceText), claims.difficulty)) {
      throw invalid([{ field: 'nonce', message: TOKEN_MESSAGES[lang].nonce(claims.difficulty) }]);
    }

    const values = checkSubmissionValues(form, input.body, lang, today(this.config.timeZone));
    const files = checkSubmissionFiles(form.fields, input.files, lang);
    const errors = [...(values.ok ? [] : values.errors), ...(files.ok ? [] : files.errors)];
    if (values.ok) {
      for (const field of form.fields.filter((f) => f.type === 'email')) {
        const address = values.values[field.name];
        if (typeof address === 'string' && !(await this.domains.receivesMail(address.split('@')[1]))) {
          errors.push({ field: field.name, message: DOMAIN_MESSAGES[lang](field.label[lang], field.name) });
        }
      }
    }
    if (errors.length || !values.ok || !files.ok) throw invalid(errors);
    const email = emailOf(form, values.values);
    // The token is spent and the e-mail counted in one round trip (the e-mail only for a token not used before).
    const perEmail = await this.counters.useOnceAndCount(
      token.slice(-43), w.tokenMaxAgeSeconds + 60, email ? [{ key: `submit:email:${email}`, windowSeconds: w.rateWindowSeconds }] : [],
    );
    if (!perEmail) throw invalid([{ field: 'token', message: TOKEN_MESSAGES[lang].used }]);

    const reasons: SpamReason[] = [];
    const honeypot = input.body[HONEYPOT_FIELD];
    if (honeypot !== undefined && honeypot !== null && String(honeypot).trim() !== '') reasons.push('honeypot');
    if (age < w.minFillSeconds * 1000) reasons.push('too_fast');
    if (email && perEmail[0].count > w.submissionsPerEmail) reasons.push('email_rate');
    const success = form.successMessage[lang];
    const base = {
      channel, form, lang, values: values.values, attachments: files.attachments, clientIp: input.clientIp, origin: input.origin, selfOrigin: input.selfOrigin,
    };
    if (reasons.length) {
      await this.keepAsSpam({ ...base, reasons });
      // The same answer as a filed submission: nothing tells a bot what gave it away.
      return { ticketNumber: null, statusUrl: null, message: success };
    }
    const filed = await this.file({ ...base, submissionId: randomUUID(), spamSubmission: null });
    return { ticketNumber: filed.ticketNumber, statusUrl: filed.statusUrl, message: success };
  }

  private async keepAsSpam(s: FilingInput & { reasons: SpamReason[] }): Promise<void> {
    await this.intake.transaction(async (manager) => {
      const id = randomUUID();
      await this.submissions.insert(manager, {
        id, channelId: s.channel.id, state: 'spam', spamReasons: s.reasons, language: s.lang, values: s.values,
        email: emailOf(s.form, s.values), phone: phoneOf(s.form, s.values, this.config.defaultPhoneRegion), clientIp: s.clientIp, origin: s.origin, ticketId: null, messageId: null,
      });
      await this.submissions.insertFiles(manager, id, s.attachments);
    });
    this.logger.log(`a submission of form ${s.channel.name} kept as spam (${s.reasons.join(', ')})`);
  }

  /** Files a submission as a ticket through the intake, with its status link; then the confirmation mail. */
  private async file(s: FilingInput & { submissionId: string; spamSubmission: string | null }): Promise<FiledSubmission> {
    const message = await this.incomingMessage(s);
    if (!s.spamSubmission) {
      const filed = await this.fileInOneStatement(s, message);
      if (filed) return filed;
    }
    const email = emailOf(s.form, s.values);
    const { received, statusUrl, confirmation } = await this.intake.transaction(async (manager: EntityManager) => {
      const files = s.spamSubmission ? await this.submissions.filesOf(manager, s.spamSubmission) : [];
      // The rules answering the new ticket read its form's values (`{{form.orderNumber}}`) from here.
      const filing: FilingSubmission = { form: s.form, values: s.values, link: { channelId: s.channel.id, threadId: s.submissionId, language: s.lang } };
      const got = await FILING_SUBMISSION.run(filing, () =>
        this.intake.receiveIn(manager, files.length ? { ...message, attachments: files } : message),
      );
      if (!got.ticketId) throw new Error('the intake filed no ticket for a form submission');
      if (got.customer) await this.customers.settleLanguage(got.customer.id, s.lang, manager);
      const base = publicBase(this.config.publicUrl, s.selfOrigin);
      const submission: NewSubmission = {
        id: s.submissionId, channelId: s.channel.id, state: 'filed', spamReasons: [], language: s.lang, values: s.values,
        email, phone: phoneOf(s.form, s.values, this.config.defaultPhoneRegion), clientIp: s.clientIp, origin: s.origin, ticketId: got.ticketId, messageId: got.messageRowId,
      };
      let statusUrl: string;
      if (filing.linkMade || s.spamSubmission) {
        // A rule's answer may have put the ticket's link into its mail already: the confirmation repeats that one.
        if (s.spamSubmission) await this.submissions.markFiled(manager, s.spamSubmission, got.ticketId, got.messageRowId);
        else await this.submissions.insert(manager, submission);
        statusUrl = filing.linkMade
          ? await this.statusLinks.urlFor(manager, got.ticketId, filing.link, base)
          : (await this.statusLinks.create(manager, { ticketId: got.ticketId, ...filing.link }, base)).url;
      } else {
        const fresh = await this.statusLinks.prepare({ ticketId: got.ticketId, ...filing.link }, base);
        await this.submissions.insertWithStatusLink(manager, submission, fresh.link);
        statusUrl = fresh.url;
      }
      // The confirmation (the ticket's number and the status link) goes out with the filing, in its transaction.
      const confirmation = got.outcome === 'new_ticket' && email
        ? await this.confirmations.write(manager, got.ticketId, got.customer?.email ?? null, confirmationMail({
          lang: s.lang, kind: s.form.kind, ticketNumber: got.ticketNumber!, subject: message.subject, statusUrl, config: this.config,
        }))
        : null;
      return { received: got, statusUrl, confirmation };
    });
    await this.intake.afterCommit(received);
    const ticketNumber = received.ticketNumber!;
    if (confirmation) await this.enqueueConfirmation(confirmation, ticketNumber);
    return { ticketNumber, statusUrl, ticketId: received.ticketId! };
  }

  /**
   * The common case, a new conversation from an e-mail address: the ticket in
   * the intake's one statement together with the submissions arriving at the
   * same moment, and the submission, its status link and the confirmation
   * with it (FormFilingWriter), in one transaction. Null when the intake
   * needs its general path (see IntakeService.openInOneStatement).
   */
  private async fileInOneStatement(s: FilingInput & { submissionId: string }, message: IncomingMessage): Promise<FiledSubmission | null> {
    const email = emailOf(s.form, s.values);
    if (!email) return null;
    const { link, url } = await this.statusLinks.prepare({ channelId: s.channel.id, threadId: s.submissionId, language: s.lang }, publicBase(this.config.publicUrl, s.selfOrigin));
    const filing: FormFiling = {
      submission: {
        id: s.submissionId, channelId: s.channel.id, state: 'filed', spamReasons: [], language: s.lang, values: s.values,
        email, phone: phoneOf(s.form, s.values, this.config.defaultPhoneRegion), clientIp: s.clientIp, origin: s.origin,
      },
      link,
      statusUrl: url,
      confirmation: { id: this.filings.newConfirmationId(), kind: s.form.kind, subject: message.subject, channel: { id: s.channel.id, name: s.channel.name } },
      language: s.lang,
    };
    const received = await this.intake.openInOneStatement(message, { writer: this.filings, value: filing });
    if (!received) return null;
    await this.enqueueConfirmation(filing.confirmation.id, received.ticketNumber!);
    return { ticketNumber: received.ticketNumber!, statusUrl: url, ticketId: received.ticketId! };
  }

  private async enqueueConfirmation(messageId: string, ticketNumber: string): Promise<void> {
    await this.confirmations.enqueue(messageId).catch((error: Error) => {
      this.logger.warn(`the confirmation of ticket ${ticketNumber} waits for the outbox sweep: ${error.message}`);
    });
  }

  private async incomingMessage(s: FilingInput & { submissionId: string }): Promise<IncomingMessage> {
    const identities: SenderIdentity[] = [];
    const email = emailOf(s.form, s.values);
    const phone = phoneOf(s.form, s.values, this.config.defaultPhoneRegion);
    if (email) identities.push({ kind: 'email', value: email });
    if (phone) identities.push({ kind: 'phone', value: phone });
    const complaint = s.form.kind === 'complaint' ? await this.complaintRoute.complaintRoute() : null;
    const text = submissionText(s.form, s.values);
    return {
      channel: { id: s.channel.id, type: 'web_form' },
      sender: { identities, name: typeof s.values.name === 'string' ? s.values.name.slice(0, 200) : null },
      subject: submissionSubject(s.form, s.channel.name, s.values),
      text,
      visibleText: text,
      html: null,
      attachments: s.attachments,
      automated: false,
      route: {
        queueId: s.channel.queueId ?? complaint?.queueId ?? null,
        categoryId: s.channel.categoryId ?? complaint?.categoryId ?? null,
        priority: s.channel.priority,
      },
      externalThreadId: s.submissionId,
      externalMessageId: s.submissionId,
      // A submission is a conversation of its own (its thread id is the submission's).
      startsConversation: true,
      email: null,
    };
  }

  list(filter: { state?: SubmissionState; channelId?: string }, limit: number, offset: number): Promise<[FormSubmissionRow[], number]> {
    return this.submissions.list(filter, limit, offset);
  }

  async get(id: string): Promise<FormSubmissionRow> {
    const row = await this.submissions.find(id);
    if (!row) throw new WebFormsException(WebFormsErrorCode.SubmissionNotFound, `Form submission ${id} does not exist`);
    return row;
  }

  /** "Not spam": the kept submission is filed as a ticket (as it would have been), with its files. A filed one is answered as it is. */
  async notSpam(id: string, selfOrigin: string | null): Promise<FormSubmissionRow> {
    const row = await this.get(id);
    if (row.state === 'filed') return row;
    const channel = await this.channels.findById(row.channelId);
    if (!channel) throw new WebFormsException(WebFormsErrorCode.SubmissionNotFound, `The form of submission ${id} was removed`);
    await this.file({
      channel, form: readFormSettings(channel.settings), lang: row.language, values: row.values, attachments: [], clientIp: row.clientIp ?? '',
      origin: row.origin, selfOrigin, submissionId: row.id, spamSubmission: row.id,
    });
    return this.get(id);
  }
}

interface FiledSubmission {
  ticketNumber: string;
  statusUrl: string;
  ticketId: string;
}

interface FilingInput {
  channel: ChannelEntity;
  form: FormSettings;
  lang: FormLanguage;
  values: Record<string, FormValue>;
  attachments: NewAttachment[];
  clientIp: string;
  origin: string | null;
  selfOrigin: string | null;
}

const TOKEN_MESSAGES = {
  pl: {
    invalid: 'token: brak ważnego tokenu formularza; odśwież stronę i wyślij ponownie',
    expired: 'token: formularz wygasł; odśwież stronę i wyślij ponownie',
    used: 'token: ten formularz został już wysłany; odśwież stronę, aby wysłać kolejny',
    nonce: (d: number) => `nonce: brak dowodu pracy (SHA-256 z token + nonce musi zaczynać się od ${d} bitów zerowych)`,
  },
  en: {
    invalid: 'token: no valid form token; reload the page and send again',
    expired: 'token: the form has expired; reload the page and send again',
    used: 'token: this form was sent already; reload the page to send another',
    nonce: (d: number) => `nonce: no proof of work (SHA-256 of token + nonce must start with ${d} zero bits)`,
  },
};

const DOMAIN_MESSAGES = {
  pl: (label: string, name: string) => `${name}: domena adresu w polu „${label}” nie przyjmuje poczty; sprawdź adres`,
  en: (label: string, name: string) => `${name}: the domain of the address in "${label}" receives no mail; check the address`,
};

function invalid(errors: FieldError[]): BadRequestException {
  const fields = new Map<string, string[]>();
  for (const e of errors) fields.set(e.field, [...(fields.get(e.field) ?? []), e.message]);
  return new BadRequestException({
    message: errors.map((e) => e.message).join('; '),
    details: { code: 'VALIDATION_FAILED', fields: [...fields].map(([field, messages]) => ({ field, errors: messages })) },
  });
}

function rateLimited(what: string, seconds: number): WebFormsException {
  return new WebFormsException(WebFormsErrorCode.RateLimited, `Too many ${what}; try again in ${seconds} seconds`, { retryAfterSeconds: seconds });
}

function emailOf(form: FormSettings, values: Record<string, FormValue>): string | null {
  const field = form.fields.find((f) => f.name === 'email' && values[f.name]) ?? form.fields.find((f) => f.type === 'email' && values[f.name]);
  return field ? String(values[field.name]).toLowerCase() : null;
}

function phoneOf(form: FormSettings, values: Record<string, FormValue>, region: string): string | null {
  const field = form.fields.find((f) => f.name === 'phone' && values[f.name]) ?? form.fields.find((f) => f.type === 'phone' && values[f.name]);
  return field ? normalisePhone(String(values[field.name]), region) : null;
}

function minute(): number {
  return Math.floor(Date.now() / 60_000);
}

const DAY_FORMATS = new Map<string, Intl.DateTimeFormat>();

/** Today's date (YYYY-MM-DD) in the time zone (a formatter is costly to make: one per zone). */
function today(timeZone: string): string {
  let format = DAY_FORMATS.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    DAY_FORMATS.set(timeZone, format);
  }
  return format.format(new Date());
}

function formNotFound(): WebFormsException {
  return new WebFormsException(WebFormsErrorCode.FormNotFound, 'No form has this key (or it is switched off)');
}

