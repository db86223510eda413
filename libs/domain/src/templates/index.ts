export * from './template-language.js';
export * from './template-placeholders.js';
export * from './parse-template.js';
export * from './render-template.js';
export * from './format-template-date.js';
export * from './template-slug.js';
export * from './similarity-ts-query.js';
export * from './template-problem-details.js';
