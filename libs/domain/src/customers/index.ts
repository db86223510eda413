export * from './identity.js';
export * from './customer-language.js';
