declare module '@doyensec/electronegativity' {
  interface Issue {
    readonly id: string;
    readonly file: string;
    readonly severity: { readonly name: string; readonly value: number };
    readonly confidence: { readonly name: string; readonly value: number };
    readonly location: { readonly line: number; readonly column: number };
  }
  interface Options {
    readonly input: string;
    readonly output?: string;
    readonly isSarif: boolean;
    readonly customScan: readonly string[];
    readonly excludeFromScan: readonly string[];
    readonly isRelative: boolean;
    readonly isVerbose: boolean;
    readonly parserPlugins: readonly string[];
    readonly electronVersionOverride?: string;
  }
  export default function run(options: Options, forCli?: boolean): Promise<{ readonly issues: readonly Issue[]; readonly errors: readonly unknown[]; readonly atomicChecks: number; readonly globalChecks: number }>;
}
