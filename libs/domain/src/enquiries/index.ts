export * from './enquiry-items';
export * from './enquiry-state';
export * from './safeguarding-categories';
export * from './statutory-return';
