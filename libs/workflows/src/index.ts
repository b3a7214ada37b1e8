export * from './meetings/action-activities';
export * from './meetings/action-chaser.workflow';

/** Passed to the worker so Temporal bundles the workflow code in its deterministic sandbox. */
export const workflowsPath = require.resolve('./workflows');
