export * from './server-sent-events.js';
