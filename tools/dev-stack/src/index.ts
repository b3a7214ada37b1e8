export * from './access';
export * from './mail-catcher';
export * from './paths';
export * from './ports';
export * from './postgres';
export * from './stack';
export * from './temporal-dev-server';
export * from './workflow-testing';
