export * from './pick-assignee.js';
