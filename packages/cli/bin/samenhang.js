#!/usr/bin/env node
// Thin shim so the bin link exists before the TypeScript is built.
import('../dist/main.js').catch((e) => {
  if (e && e.code === 'ERR_MODULE_NOT_FOUND') {
    process.stderr.write('samenhang is not built yet: run `npm run build` (npm start and npm test do this for you)\n');
    process.exit(1);
  }
  throw e;
});
