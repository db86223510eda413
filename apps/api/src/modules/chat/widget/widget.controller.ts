import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../../core/auth/public.decorator.js';
import { ChatSessionsService } from '../chat-sessions.service.js';
import { CHAT_SOURCE } from './chat-source.js';
import { loaderSource } from './loader-source.js';

const CHAT_ETAG = `"${createHash('sha256').update(CHAT_SOURCE).digest('hex').slice(0, 16)}"`;
const CHAT_GZIP = gzipSync(CHAT_SOURCE);

/**
 * The chat widget shops embed with one line, `<script src="…/w/{key}.js" async>`:
 * the small loader (a button in a shadow root), and the chat itself
 * (`/w/chat.js`), loaded only when the visitor opens it.
 */
@ApiExcludeController()
@Public()
@Controller('w')
export class WidgetController {
  constructor(private readonly sessions: ChatSessionsService) {}

  @Get(':file')
  async file(@Param('file') file: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    response.set({ 'Content-Type': 'application/javascript; charset=utf-8', 'Cross-Origin-Resource-Policy': 'cross-origin', Vary: 'Accept-Encoding' });
    if (file === 'chat.js') {
      response.set({ 'Cache-Control': 'public, max-age=3600', ETag: CHAT_ETAG });
      if (request.headers['if-none-match'] === CHAT_ETAG) return void response.status(304).end();
      if (/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) return void response.set('Content-Encoding', 'gzip').send(CHAT_GZIP);
      return void response.send(CHAT_SOURCE);
    }
    const key = /^([A-Za-z0-9_-]{20,100})\.js$/.exec(file)?.[1];
    if (!key) return void response.status(404).send('// no such widget\n');
    try {
      await this.sessions.channelByKey(key);
    } catch {
      return void response.status(404).send('// no such widget\n');
    }
    const base = `${request.protocol}://${request.get('host') ?? ''}`;
    response.set('Cache-Control', 'public, max-age=300').send(loaderSource(base, key));
  }
}
