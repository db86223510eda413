export * from './report-range.js';
export * from './csv.js';
export * from './percentile.js';
