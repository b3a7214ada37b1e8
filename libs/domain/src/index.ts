export * from './actions/action-state';
export * from './calendar';
export * from './directory/directory';
export * from './directory/line-management';
export * from './policy';
export * from './references/reference';
export * from './time/uk-date';
