/** See cli-bundle.mjs. */
export function freshBundle(dir: string): string | null;
