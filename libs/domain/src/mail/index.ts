export * from './mail-headers.js';
export * from './message-id.js';
export * from './subject.js';
export * from './classify-inbound-mail.js';
export * from './reply-text.js';
export * from './returned-message.js';
export * from './header-text.js';
export * from './sender-authentication.js';
