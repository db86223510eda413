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
import { OutboundMessagesService } from '../tickets/outbound-messages.service.js';
import { ComplaintRouteRepository } from './complaint-route.repository.js';
import { confirmationMail } from './confirmation-mail.js';
import { EmailDomainCheckService } from './email-domain-check.service.js';
import { FormCountersService } from './form-counters.service.js';
import { FILING_SUBMISSION, type FilingSubmission } from './form-template-values.source.js';
import { FormKeysService } from './form-keys.service.js';
import { submissionSubject, submissionText } from './form-message.js';
import { FormSubmissionsRepository, type FormSubmissionRow, type SubmissionState } from './form-submissions.repository.js';
import { publicBase } from './public-base.js';
import { proofDigest, readFormToken, signFormToken } from './form-token.js';
import { StatusLinksService } from './status-links.service.js';
import { checkSubmissionFiles, type UploadedFile } from './submission-files.js';
import { WebFormsErrorCode, WebFormsException } from './web-forms.exception.js';

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
    private readonly outbound: OutboundMessagesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The active web form with this key; 404 otherwise. */
  async formOf(key: string): Promise<{ channel: ChannelEntity; form: FormSettings }> {
    const channel = typeof key === 'string' ? await this.channels.findActiveByKey('web_form', key) : null;
    if (!channel) throw new WebFormsException(WebFormsErrorCode.FormNotFound, 'No form has this key (or it is switched off)');
    return { channel, form: readFormSettings(channel.settings) };
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
    const perIp = await this.counters.count([`submit:ip:${input.clientIp}`], w.rateWindowSeconds);
    if (perIp.counts[0] > w.submissionsPerIp) throw rateLimited('form submissions from this address', perIp.ttl);
    const perForm = await this.counters.count([`form:${channel.id}:${minute()}`], 120);
    if (perForm.counts[0] > w.submissionsPerFormPerMinute) throw rateLimited('submissions of this form', 60 - new Date().getUTCSeconds());

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
    if (!(await this.counters.useOnce(token.slice(-43), w.tokenMaxAgeSeconds + 60))) {
      throw invalid([{ field: 'token', message: TOKEN_MESSAGES[lang].used }]);
    }

    const email = emailOf(form, values.values);
    const reasons: SpamReason[] = [];
    const honeypot = input.body[HONEYPOT_FIELD];
    if (honeypot !== undefined && honeypot !== null && String(honeypot).trim() !== '') reasons.push('honeypot');
    if (age < w.minFillSeconds * 1000) reasons.push('too_fast');
    if (email) {
      const perEmail = await this.counters.count([`submit:email:${email}`], w.rateWindowSeconds);
      if (perEmail.counts[0] > w.submissionsPerEmail) reasons.push('email_rate');
    }
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
  private async file(s: FilingInput & { submissionId: string; spamSubmission: string | null }): Promise<{ ticketNumber: string; statusUrl: string; ticketId: string }> {
    const message = await this.incomingMessage(s);
    const { received, statusUrl } = await this.intake.transaction(async (manager: EntityManager) => {
      const files = s.spamSubmission ? await this.submissions.filesOf(manager, s.spamSubmission) : [];
      // The rules answering the new ticket read its form's values (`{{form.orderNumber}}`) from here.
      const filing: FilingSubmission = { form: s.form, values: s.values, link: { channelId: s.channel.id, threadId: s.submissionId, language: s.lang } };
      const got = await FILING_SUBMISSION.run(filing, () =>
        this.intake.receiveIn(manager, files.length ? { ...message, attachments: files } : message),
      );
      if (!got.ticketId) throw new Error('the intake filed no ticket for a form submission');
      if (s.spamSubmission) {
        await this.submissions.markFiled(manager, s.spamSubmission, got.ticketId, got.messageRowId);
      } else {
        await this.submissions.insert(manager, {
          id: s.submissionId, channelId: s.channel.id, state: 'filed', spamReasons: [], language: s.lang, values: s.values,
          email: emailOf(s.form, s.values), phone: phoneOf(s.form, s.values, this.config.defaultPhoneRegion), clientIp: s.clientIp, origin: s.origin, ticketId: got.ticketId, messageId: got.messageRowId,
        });
      }
      if (got.customer) await this.customers.settleLanguage(got.customer.id, s.lang, manager);
      const base = publicBase(this.config.publicUrl, s.selfOrigin);
      // A rule's answer may have put the ticket's link into its mail already: the confirmation repeats that one.
      const statusUrl = filing.linkMade
        ? await this.statusLinks.urlFor(manager, got.ticketId, filing.link, base)
        : (await this.statusLinks.create(manager, { ticketId: got.ticketId, ...filing.link }, base)).url;
      return { received: got, statusUrl };
    });
    await this.intake.afterCommit(received);
    const ticketNumber = received.ticketNumber!;
    if (received.outcome === 'new_ticket' && emailOf(s.form, s.values)) {
      const mail = confirmationMail({ lang: s.lang, kind: s.form.kind, ticketNumber, subject: message.subject, statusUrl, config: this.config });
      await this.outbound.queueAutomaticReply(received.ticketId!, mail).catch((error: Error) => {
        this.logger.warn(`no confirmation for ticket ${ticketNumber}: ${error.message}`);
      });
    }
    return { ticketNumber, statusUrl, ticketId: received.ticketId! };
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

function today(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

