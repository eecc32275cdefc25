// Generates the static protobufjs code for proto/samenhang/v1 into packages/proto/gen.
// `--check` regenerates into a temp dir and fails when the committed code is stale.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, readdirSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const protoDir = join(root, 'proto');
const outDir = join(root, 'packages/proto/gen');
const check = process.argv.includes('--check');
const bin = (name) => join(root, 'node_modules/.bin', name);

const files = readdirSync(join(protoDir, 'samenhang/v1'))
  .filter((f) => f.endsWith('.proto'))
  .sort()
  .map((f) => join(protoDir, 'samenhang/v1', f));

function generate(dir) {
  mkdirSync(dir, { recursive: true });
  const js = join(dir, 'samenhang.js');
  execFileSync(
    bin('pbjs'),
    [
      '-t',
      'static-module',
      '-w',
      'es6',
      '--force-number',
      '--no-beautify',
      '--no-delimited',
      '--no-verify',
      '--no-convert',
      '-p',
      protoDir,
      '-o',
      js,
      ...files,
    ],
    { cwd: protoDir, stdio: 'inherit' },
  );
  // Node ESM needs the explicit file and the CommonJS default export of protobufjs.
  const src = readFileSync(js, 'utf8').replace(
    'import * as $protobuf from "protobufjs/minimal";',
    'import $protobuf from "protobufjs/minimal.js";',
  );
  writeFileSync(js, src);
  const dts = join(dir, 'samenhang.d.ts');
  execFileSync(bin('pbts'), ['--no-comments', '-o', dts, js], { stdio: 'inherit' });
  // --force-number makes every 64-bit field a number, so the CommonJS-only Long import is dead.
  writeFileSync(dts, readFileSync(dts, 'utf8').replace('import Long = require("long");\n', ''));
}

if (!check) {
  generate(outDir);
  console.log(`generated ${outDir}`);
} else {
  const tmp = mkdtempSync(join(tmpdir(), 'proto-check-'));
  try {
    generate(tmp);
    const stale = ['samenhang.js', 'samenhang.d.ts'].filter((f) => {
      let committed = '';
      try {
        committed = readFileSync(join(outDir, f), 'utf8');
      } catch {
        /* missing counts as stale */
      }
      return committed !== readFileSync(join(tmp, f), 'utf8');
    });
    if (stale.length > 0) {
      console.error(`generated protobuf code is stale (${stale.join(', ')}): run npm run proto:gen`);
      process.exit(1);
    }
    console.log('generated protobuf code is up to date');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
