export * from './layers';
export * from './maturity';
export * from './types';
export * from './catalog';
export * from './readiness';
export * from './demo';
