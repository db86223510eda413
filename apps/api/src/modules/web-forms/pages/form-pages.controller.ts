import { Controller, Get, Param, Post, Req, Res, UploadedFiles, UseInterceptors, Inject, BadRequestException } from '@nestjs/common';
import { AnyFilesInterceptor } from '@nestjs/platform-express';
import { ApiExcludeController } from '@nestjs/swagger';
import { formLanguage } from '@okienko/domain';
import type { Request, Response } from 'express';
import { Public } from '../../../core/auth/public.decorator.js';
import type { AppConfig } from '../../../core/config/app-config.js';
import { APP_CONFIG } from '../../../core/config/config.module.js';
import { FormSubmissionsService } from '../form-submissions.service.js';
import { StatusLinksService } from '../status-links.service.js';
import { StatusMessagesService } from '../status-messages.service.js';
import { requestOrigin } from '../public-base.js';
import { clientIp, PUBLIC_UPLOAD_LIMITS, uploadedFiles, type MulterFile } from '../uploaded-files.js';
import { WebFormsErrorCode, WebFormsException } from '../web-forms.exception.js';
import { embedScript } from './embed-script.js';
import { FORM_PAGE_CSP, renderFormPage, renderStatusNotice, renderStatusPage, STATUS_PAGE_CSP } from './public-pages.js';

const PAGE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer', 'X-Frame-Options': 'DENY',
};

/**
 * The customers' pages outside /api: the hosted form `/f/<key>`, the embed
 * script `/f/<key>.js` (loaded by shops' pages of any origin; its requests are
 * limited to the form's allowedOrigins) and the status page `/s/<token>`.
 */
@ApiExcludeController()
@Public()
@Controller()
export class FormPagesController {
  constructor(
    private readonly forms: FormSubmissionsService,
    private readonly links: StatusLinksService,
    private readonly messages: StatusMessagesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('f/:file')
  async form(@Param('file') file: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.forms.countRead(clientIp(request));
    const script = file.endsWith('.js');
    const { channel } = await this.forms.formOf(script ? file.slice(0, -3) : file);
    if (script) {
      response
        .status(200)
        .set({
          'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache', Vary: 'Host', 'Cross-Origin-Resource-Policy': 'cross-origin',
          'Content-Security-Policy': "default-src 'none'",
        })
        .send(embedScript(requestOrigin(request), channel.key));
      return;
    }
    const lang = formLanguage(typeof request.query.lang === 'string' ? request.query.lang : request.headers['accept-language']);
    response.status(200).set({ ...PAGE_HEADERS, 'Content-Security-Policy': FORM_PAGE_CSP, 'Content-Language': lang }).send(renderFormPage(lang, channel.name, channel.key));
  }

  @Get('s/:token')
  async status(@Param('token') token: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.messages.countRequest(clientIp(request), 'read');
    await this.showStatus(token, request, response, request.query.sent === '1' ? 'sent' : null);
  }

  @Post('s/:token')
  @UseInterceptors(AnyFilesInterceptor({ limits: PUBLIC_UPLOAD_LIMITS }))
  async addMessage(
    @Param('token') token: string,
    @UploadedFiles() files: MulterFile[] | undefined,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.messages.countRequest(clientIp(request), 'write');
    const body = (request.body ?? {}) as Record<string, unknown>;
    try {
      const opened = await this.links.open(token);
      await this.messages.add(opened, body.text, uploadedFiles(files?.filter((f) => f.size > 0 || f.originalname), body).filter((f) => f.content.length > 0));
    } catch (error) {
      if (error instanceof BadRequestException) {
        const message = (error.getResponse() as { message?: string }).message ?? 'invalid';
        return this.showStatus(token, request, response, 'error', message, 400);
      }
      if (error instanceof WebFormsException) return this.showStatus(token, request, response, null);
      throw error;
    }
    response.redirect(303, `/s/${encodeURIComponent(token)}?sent=1`);
  }

  private async showStatus(token: string, request: Request, response: Response, notice: 'sent' | 'error' | null, error = '', status = 200): Promise<void> {
    const headers = { ...PAGE_HEADERS, 'Content-Security-Policy': STATUS_PAGE_CSP };
    try {
      const view = await this.links.view(await this.links.open(token));
      response.status(status).set({ ...headers, 'Content-Language': view.language }).send(renderStatusPage(view, token, this.config.timeZone, notice, error));
    } catch (e) {
      if (!(e instanceof WebFormsException)) throw e;
      const lang = formLanguage(request.headers['accept-language']);
      const gone = e.code === WebFormsErrorCode.StatusLinkGone;
      response.status(gone ? 410 : 404).set(headers).send(renderStatusNotice(lang, gone ? 'gone' : 'notFound'));
    }
  }
}

