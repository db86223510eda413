export * from './channel-type.js';
