export * from './audit-checkpoint-keys';
