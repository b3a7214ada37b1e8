export * from './action-link';
export * from './action-link-secret';
export * from './action-link-url';
