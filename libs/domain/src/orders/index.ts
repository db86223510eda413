export * from './order.js';
export * from './mentioned-orders.js';
export * from './order-template-values.js';
export * from './sort-orders.js';
export * from './carrier-tracking.js';
export * from './status-from-label.js';
