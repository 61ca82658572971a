// Bundles the server into dist/server (dependencies stay in node_modules); type-checking is `npm run typecheck`.
import { build } from 'esbuild';

await build({
  entryPoints: { main: 'server/main.ts', backup: 'server/ops/backup-cli.ts' },
  outdir: 'dist/server',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
  loader: { '.json': 'json' },
});
