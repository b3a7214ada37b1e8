export * from './chasing/action-activities';
export * from './chasing/action-chaser.contract';
export * from './chasing/action-chaser.workflow';
export * from './common/commands';
export * from './disagreements/disagreement-activities';
export * from './disagreements/disagreement-policy';
export * from './disagreements/professional-disagreement.contract';
export * from './disagreements/professional-disagreement.workflow';
export * from './enquiries/enquiry-activities';
export * from './enquiries/enquiry-policy';
export * from './enquiries/section42-enquiry.contract';
export * from './enquiries/section42-enquiry.workflow';
export * from './meetings/meeting-activities';
export * from './meetings/meeting-follow-up.contract';
export * from './meetings/meeting-follow-up.workflow';
export * from './notifications/daily-digest.contract';
export * from './notifications/daily-digest.workflow';
export * from './notifications/digest-activities';

/** Passed to the worker so Temporal bundles the workflow code in its deterministic sandbox. */
export const workflowsPath = require.resolve('./workflows');
/** The bundle's exports by name: every workflow type the worker registers (replay checks each). */
export * as registeredWorkflows from './workflows';
