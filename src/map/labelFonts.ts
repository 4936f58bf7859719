import type { FontFacesSpecification } from 'maplibre-gl';
// Noto Sans (SIL Open Font License 1.1, via @fontsource/noto-sans): Vite ships the
// woff2 files with the app, so labels never need a font server. Only the files
// for Latin and Latin Extended, which hold every letter of Dutch and its neighbours.
import latinExtItalic from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-italic.woff2?url';
import latinExtMedium from '@fontsource/noto-sans/files/noto-sans-latin-ext-500-normal.woff2?url';
import latinExtRegular from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';
import latinItalic from '@fontsource/noto-sans/files/noto-sans-latin-400-italic.woff2?url';
import latinMedium from '@fontsource/noto-sans/files/noto-sans-latin-500-normal.woff2?url';
import latinRegular from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
// The licence goes with the font files it covers (OFL 1.1, section 2).
import fontLicence from '@fontsource/noto-sans/LICENSE?url';

export const labelFontLicenceUrl = fontLicence;

/** The `text-font` names the app's label layers and the basemap styles use. */
export const labelFont = { regular: 'Noto Sans Regular', medium: 'Noto Sans Medium', italic: 'Noto Sans Italic' } as const;

// As @fontsource/noto-sans declares them in its CSS.
const latinRange = [
  'U+0000-00FF',
  'U+0131',
  'U+0152-0153',
  'U+02BB-02BC',
  'U+02C6',
  'U+02DA',
  'U+02DC',
  'U+0304',
  'U+0308',
  'U+0329',
  'U+2000-206F',
  'U+20AC',
  'U+2122',
  'U+2191',
  'U+2193',
  'U+2212',
  'U+2215',
  'U+FEFF',
  'U+FFFD',
];
const latinExtRange = [
  'U+0100-02BA',
  'U+02BD-02C5',
  'U+02C7-02CC',
  'U+02CE-02D7',
  'U+02DD-02FF',
  'U+1D00-1DBF',
  'U+1E00-1E9F',
  'U+1EF2-1EFF',
  'U+2020',
  'U+20A0-20AB',
  'U+20AD-20C0',
  'U+2113',
  'U+2C60-2C7F',
  'U+A720-A7FF',
];

/**
 * MapLibre's `font-faces`: for each `text-font` name, the font files to draw it
 * with. MapLibre fetches a file only when a label needs a letter from it and
 * draws the glyphs itself (signed distance fields, as a glyph server would), so
 * a map without labels loads no font, and no glyph server is ever asked.
 */
export function labelFontFaces(): FontFacesSpecification {
  const faces = (latin: string, latinExt: string) => [
    { url: latin, 'unicode-range': latinRange },
    { url: latinExt, 'unicode-range': latinExtRange },
  ];
  return {
    [labelFont.regular]: faces(latinRegular, latinExtRegular),
    [labelFont.medium]: faces(latinMedium, latinExtMedium),
    [labelFont.italic]: faces(latinItalic, latinExtItalic),
  };
}
