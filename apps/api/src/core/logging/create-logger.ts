import { ConsoleLogger, LogLevel } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';

const ORDER: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** Structured JSON logs, one object per line, at the configured level and above. */
export function createLogger(level: AppConfig['logLevel']): ConsoleLogger {
  return new ConsoleLogger({ json: true, logLevels: ORDER.slice(0, ORDER.indexOf(level) + 1), colors: false });
}
