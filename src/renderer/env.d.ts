import type { GroundworkApi } from '../shared/contract';

declare global {
  interface Window {
    /** The one object the preload exposes (or the e2e bridge installs). */
    groundwork: GroundworkApi;
  }
}

export {};
