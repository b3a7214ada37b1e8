// The workflow bundle's entry point: every workflow type the worker registers, and nothing else.
export { actionChaserWorkflow } from './chasing/action-chaser.workflow';
export { professionalDisagreementWorkflow } from './disagreements/professional-disagreement.workflow';
export { section42EnquiryWorkflow } from './enquiries/section42-enquiry.workflow';
export { meetingFollowUpWorkflow } from './meetings/meeting-follow-up.workflow';
export { dailyDigestWorkflow } from './notifications/daily-digest.workflow';
