export * from './mention-handles.js';
