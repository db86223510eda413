export * from './snooze.js';
