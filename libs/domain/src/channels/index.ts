export * from './channel-type.js';
export * from './reply-targets.js';
