import { randomUUID } from 'node:crypto';
import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import {
  adaptiveDifficulty, checkSubmissionValues, formLanguage, HONEYPOT_FIELD, meetsDifficulty, readFormSettings,
  type FieldError, type FormSettings,
} from '@okienko/domain';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { ChannelsService } from '../channels/channels.service.js';
import type { ChannelEntity } from '../channels/entities/channel.entity.js';
import { EmailDomainCheckService } from './email-domain-check.service.js';
import { emailOf } from './form-contact.js';
import { FormCountersService } from './form-counters.service.js';
import { FormFilingService, type SpamReason } from './form-filing.service.js';
import { FormKeysService } from './form-keys.service.js';
import { FormSubmissionsRepository, type FormSubmissionRow, type SubmissionState } from './form-submissions.repository.js';
import { proofDigest, readFormToken, signFormToken } from './form-token.js';
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

/**
 * Web form submissions: the public definition (with a signed token and the
 * proof of work's difficulty), the checks (token, proof of work, rate limits,
 * honeypot, fill time, e-mail domain, values, files), then filing or keeping
 * as spam (FormFilingService), and the submissions kept as spam with their
 * "not spam" filing.
 */
@Injectable()
export class FormSubmissionsService {
  private readonly forms = new Map<string, { found: { channel: ChannelEntity; form: FormSettings }; until: number }>();

  constructor(
    private readonly channels: ChannelsService,
    private readonly filing: FormFilingService,
    private readonly submissions: FormSubmissionsRepository,
    private readonly counters: FormCountersService,
    private readonly keys: FormKeysService,
    private readonly domains: EmailDomainCheckService,
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
      await this.filing.keepAsSpam({ ...base, reasons });
      // The same answer as a filed submission: nothing tells a bot what gave it away.
      return { ticketNumber: null, statusUrl: null, message: success };
    }
    const filed = await this.filing.file({ ...base, submissionId: randomUUID(), spamSubmission: null });
    return { ticketNumber: filed.ticketNumber, statusUrl: filed.statusUrl, message: success };
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
    await this.filing.file({
      channel, form: readFormSettings(channel.settings), lang: row.language, values: row.values, attachments: [], clientIp: row.clientIp ?? '',
      origin: row.origin, selfOrigin, submissionId: row.id, spamSubmission: row.id,
    });
    return this.get(id);
  }
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

