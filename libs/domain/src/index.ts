export * from './actions/action-state';
export * from './references/reference';
export * from './time/uk-date';
