import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from '../../app.module.js';
import type { AppConfig } from '../config/app-config.js';
import { startEmbeddedPostgres } from '../database/embedded-postgres.js';
import { ensureDatabase } from '../database/ensure-database.js';
import { runMigrations } from '../database/run-migrations.js';
import { configureHttp } from '../http/configure-http.js';
import { createLogger } from '../logging/create-logger.js';
import { checkRedis } from '../redis/check-redis.js';
import { SmtpListenerService } from '../../modules/mail/smtp-listener.service.js';

export interface RunningOkienko {
  app: NestExpressApplication;
  /** Where the HTTP API listens, e.g. http://127.0.0.1:3000 (null without the api role). */
  httpUrl: string | null;
  smtpPort: number | null;
  databaseUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts the product: the database (embedded or given), the checks that fail
 * fast with one clear line, migrations, then the roles asked for.
 */
export async function startOkienko(config: AppConfig): Promise<RunningOkienko> {
  const logger = createLogger(config.logLevel);
  Logger.overrideLogger(logger);

  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir, config.embeddedPostgresPort);
  const databaseUrl = config.databaseUrl ?? embedded!.url;
  let app: NestExpressApplication | undefined;
  try {
    await Promise.all([ensureDatabase(databaseUrl), checkRedis(config.redisUrl)]);
    await runMigrations(databaseUrl);

    app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl), {
      logger,
      bodyParser: false,
      abortOnError: false,
    });
    const hasApi = config.roles.includes('api');
    if (hasApi) configureHttp(app, config);
    let httpUrl: string | null = null;
    if (hasApi) {
      await app.listen(config.httpPort, config.httpHost);
      const address = app.getHttpServer().address();
      const port = typeof address === 'object' && address ? address.port : config.httpPort;
      httpUrl = `http://${config.httpHost === '0.0.0.0' ? '127.0.0.1' : config.httpHost}:${port}`;
    } else {
      await app.init();
    }
    const smtpPort = config.roles.includes('smtp') ? (app.get(SmtpListenerService).boundPort() ?? null) : null;
    Logger.log(`Okienko running: roles ${config.roles.join(', ')}${httpUrl ? `, HTTP ${httpUrl}` : ''}${smtpPort ? `, SMTP port ${smtpPort}` : ''}`, 'Okienko');
    return {
      app,
      httpUrl,
      smtpPort,
      databaseUrl,
      stop: async () => {
        await app!.close();
        await embedded?.stop();
      },
    };
  } catch (error) {
    // A start that fails half-way (a bad ADMIN_PASSWORD, a port in use) lets go of what it opened.
    await app?.close().catch(() => undefined);
    await embedded?.stop();
    throw error;
  }
}
