import { createRequire } from 'node:module';

/**
 * The report's only font family: Source Sans 3 by Adobe, under the SIL Open Font License 1.1,
 * shipped as TTF files by the npm package @expo-google-fonts/source-sans-3. The files are read
 * from node_modules: nothing is downloaded, at install or at run time.
 */
export const REPORT_FONT_FAMILY = 'Source Sans 3';

/** Ascent + descent of Source Sans 3 in ems (1024 + 400 units of 1000): the glyphs' box. */
export const FONT_BOX = 1.424;

export interface ReportFontFiles {
  readonly regular: string;
  readonly italic: string;
  readonly semibold: string;
  readonly bold: string;
}

let cached: ReportFontFiles | undefined;

/** Absolute paths of the bundled faces. */
export function reportFontFiles(): ReportFontFiles {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const face = (file: string) => require.resolve(`@expo-google-fonts/source-sans-3/${file}`);
  cached = {
    regular: face('400Regular/SourceSans3_400Regular.ttf'),
    italic: face('400Regular_Italic/SourceSans3_400Regular_Italic.ttf'),
    semibold: face('600SemiBold/SourceSans3_600SemiBold.ttf'),
    bold: face('700Bold/SourceSans3_700Bold.ttf'),
  };
  return cached;
}
