export * from './survey-kind.js';
