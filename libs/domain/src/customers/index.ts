export * from './identity.js';
export * from './customer-language.js';
export * from './phone-prefix.js';
