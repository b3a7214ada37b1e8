export * from './env-reader';
export * from './logger';
export * from './temporal-settings';
export * from './payload-codec';
export * from './action-links';
export * from './audit-checkpoints';
export * from './loggable-url';
