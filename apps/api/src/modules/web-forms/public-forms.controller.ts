import { Body, Controller, Get, HttpCode, Options, Param, Post, Query, Req, Res, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { AnyFilesInterceptor } from '@nestjs/platform-express';
import {
  ApiBadRequestResponse, ApiBody, ApiConsumes, ApiCreatedResponse, ApiExcludeEndpoint, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { formLanguage } from '@okienko/domain';
import type { Request, Response } from 'express';
import { Public } from '../../core/auth/public.decorator.js';
import { ErrorResponseDto } from '../../core/errors/error-response.dto.js';
import { corsFor } from './cors.js';
import { PublicFormDto, SubmissionCreatedDto } from './dtos/public-form.dto.js';
import { FormSubmissionsService } from './form-submissions.service.js';
import { requestOrigin } from './public-base.js';
import { clientIp, originOf, PUBLIC_UPLOAD_LIMITS, uploadedFiles, type MulterFile } from './uploaded-files.js';

const KEY = { name: 'key', description: "The form channel's public key" };

const SUBMISSION_DESCRIPTION = [
  'No sign-in. JSON or multipart/form-data: the form\'s fields by their `name`, `token` (from the form\'s definition), `nonce` (the proof of work:',
  'SHA-256 of the UTF-8 text `token + nonce` must start with `difficulty` zero bits) and the files (multipart parts named as the file field, or in',
  'JSON `files: [{field, filename, content (base64)}]`). Leave the honeypot field (`website`) out or empty. Answers 201 `{ticketNumber, statusUrl}`;',
  'a submission suspected of spam (honeypot filled, sent within seconds of the token, too many from one e-mail) gets the same 201 without a ticket',
  'and is kept for the team (`GET /form-submissions?state=spam`). Validation errors: 400 naming each field in the form\'s language (`lang`, or',
  'Accept-Language). Rate limits per client address and per form: 429 with Retry-After. Pages of origins outside the form\'s allowedOrigins: 403.',
].join(' ');

/** The public web form endpoints (no sign-in, rate-limited): the definition and the submissions. */
@ApiTags('public')
@Public()
@Controller('api/public/forms')
export class PublicFormsController {
  constructor(private readonly forms: FormSubmissionsService) {}

  @Get(':key')
  @ApiOperation({ summary: "A form's definition in the requested language, with a fresh signed form token and the proof of work's difficulty (no sign-in)" })
  @ApiParam(KEY)
  @ApiQuery({ name: 'lang', required: false, enum: ['pl', 'en'], description: 'Else Accept-Language; Polish by default.' })
  @ApiOkResponse({ type: PublicFormDto })
  @ApiNotFoundResponse({ description: 'FORM_NOT_FOUND', type: ErrorResponseDto })
  @ApiForbiddenResponse({ description: "FORM_ORIGIN_NOT_ALLOWED: the page's origin is not among the form's allowedOrigins", type: ErrorResponseDto })
  @ApiTooManyRequestsResponse({ description: 'RATE_LIMITED', type: ErrorResponseDto })
  async definition(
    @Param('key') key: string,
    @Query('lang') lang: unknown,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PublicFormDto> {
    await this.forms.countRead(clientIp(request));
    const { channel, form } = await this.forms.formOf(key);
    const origin = originOf(request);
    this.forms.assertOrigin(form, origin, requestOrigin(request));
    corsFor(response, origin);
    response.setHeader('Cache-Control', 'no-store');
    const { token, difficulty } = await this.forms.issueToken(channel);
    return PublicFormDto.from(channel.key, channel.name, form, formLanguage(typeof lang === 'string' ? lang : request.headers['accept-language']), token, difficulty);
  }

  @Post(':key/submissions')
  @HttpCode(201)
  @UseInterceptors(AnyFilesInterceptor({ limits: PUBLIC_UPLOAD_LIMITS }))
  @ApiOperation({ summary: 'Send a form (no sign-in): a ticket with the right type, queue and deadline', description: SUBMISSION_DESCRIPTION })
  @ApiParam(KEY)
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['token', 'nonce'],
      additionalProperties: true,
      properties: {
        token: { type: 'string', description: 'The form token of GET /api/public/forms/{key}' },
        nonce: { type: 'string', description: 'SHA-256(token + nonce) starts with `difficulty` zero bits' },
        lang: { type: 'string', enum: ['pl', 'en'] },
        website: { type: 'string', description: 'The honeypot: leave out or empty' },
      },
    },
  })
  @ApiCreatedResponse({ type: SubmissionCreatedDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: details.fields names each field (and token, nonce) with a message in the form\'s language', type: ErrorResponseDto })
  @ApiNotFoundResponse({ description: 'FORM_NOT_FOUND', type: ErrorResponseDto })
  @ApiForbiddenResponse({ description: 'FORM_ORIGIN_NOT_ALLOWED', type: ErrorResponseDto })
  @ApiTooManyRequestsResponse({ description: 'RATE_LIMITED (per client address, per form); Retry-After says when to try again', type: ErrorResponseDto })
  async submit(
    @Param('key') key: string,
    @Body() body: Record<string, unknown> | undefined,
    @UploadedFiles() files: MulterFile[] | undefined,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SubmissionCreatedDto> {
    const origin = originOf(request);
    const fields = body && typeof body === 'object' ? body : {};
    const found = await this.forms.formOf(key);
    this.forms.assertOrigin(found.form, origin, requestOrigin(request));
    // Before the checks: the page must be able to read the errors too.
    corsFor(response, origin);
    return this.forms.submit(found, {
      body: fields, files: uploadedFiles(files, fields), clientIp: clientIp(request), origin, selfOrigin: requestOrigin(request), acceptLanguage: request.headers['accept-language'] ?? null,
    });
  }

  /** CORS preflight of a form's routes: allowed for the form's allowedOrigins (not an API operation of its own). */
  @Options([':key', ':key/submissions'])
  @HttpCode(204)
  @ApiExcludeEndpoint()
  async preflight(@Param('key') key: string, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    const { form } = await this.forms.formOf(key);
    const origin = originOf(request);
    this.forms.assertOrigin(form, origin, requestOrigin(request));
    corsFor(response, origin, true);
  }
}
