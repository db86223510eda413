export * from './form-definition.js';
export * from './submission-values.js';
export * from './proof-of-work.js';
