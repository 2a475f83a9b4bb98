export * from './capabilities';
export * from './roles';
export * from './integrity';
export * from './starter';
