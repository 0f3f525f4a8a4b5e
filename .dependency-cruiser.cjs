/**
 * Import direction of src/ (checked by `npm test`: test/meta/dependencies.test.ts runs depcruise).
 * Each layer may import only from the layers before it (and from itself); no module cycles at all.
 * The order and why each folder sits where it does: docs/CONTRIBUTING.md, "Layers".
 */
const LAYERS = ['core', 'knowledge', 'parse', 'discover', 'model', 'handshake', 'derive', 'rules', 'engine', 'report', 'cli'];

const layerRules = LAYERS.slice(0, -1).map((layer, i) => ({
  name: `layer-${layer}`,
  comment: `src/${layer} may import only from ${LAYERS.slice(0, i).join(', ') || 'node and packages'} (and itself)`,
  severity: 'error',
  from: { path: `^src/${layer}/` },
  to: { path: `^src/(${LAYERS.slice(i + 1).join('|')})/` },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'A module cycle (at any depth) makes the layers meaningless: break it by moving the shared part down a layer',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-unknown-folder',
      comment: 'Every folder of src/ has a place in LAYERS (add a new one there, and to docs/CONTRIBUTING.md)',
      severity: 'error',
      from: { path: '^src/', pathNot: [`^src/(${LAYERS.join('|')})/`, '^src/index\\.ts$'] },
      to: {},
    },
    {
      name: 'no-import-of-entry',
      comment: 'src/index.ts is the library entry point: nothing inside src/ imports it',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^src/index\\.ts$' },
    },
    ...layerRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.generated\\.js$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
