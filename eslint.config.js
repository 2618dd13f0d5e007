// `npm run lint`: typescript-eslint's recommended rules, no import cycles, and the pipeline's
// layers (load → validate → compose → render → site → cli/preview) as import restrictions:
// a stage may use the ones before it, never the ones after.
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/** Each layer and the folders it must not import from, with the reason shown to whoever does. */
export const LAYERS = [
  { files: ['src/load/**'], forbidden: ['validate', 'compose', 'render', 'site', 'cli', 'preview'], why: 'load reads files; checking them is validate’s' },
  { files: ['src/validate/**'], forbidden: ['compose', 'render', 'site', 'cli', 'preview'], why: 'validate checks records; rendering them comes later' },
  { files: ['src/render/**'], forbidden: ['site', 'cli', 'preview'], why: 'render makes one briefing; the build, the CLI and the preview call it' },
  { files: ['src/diagnostics/**'], forbidden: ['load', 'validate', 'site', 'cli', 'preview'], why: 'diagnostics are plain data every stage makes' },
];

const layerRules = LAYERS.map(({ files, forbidden, why }) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: [{ group: forbidden.map((folder) => `**/${folder}/**`), message: why }] }],
  },
}));

export default tseslint.config(
  { ignores: ['lib/**', 'node_modules/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      // What import-x's TypeScript preset sets: read .ts files with the TypeScript parser.
      'import-x/extensions': importX.flatConfigs.typescript.settings['import-x/extensions'],
      'import-x/parsers': importX.flatConfigs.typescript.settings['import-x/parsers'],
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      'import-x/no-cycle': 'error',
      // Unused values are tsc's to report (noUnusedLocals); `_name` marks one left on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // A module a reader can hold in mind: split by what each part decides once it grows past this.
      'max-lines': ['error', { max: 300 }],
    },
  },
  ...layerRules,
);
