// Checks that every workspace package declares what it imports, imports what it declares, and
// respects the layer order in layers.json. Plain Node, no dependencies: `npm test` runs it
// before anything is compiled. One line per problem; exit 1 when there is any.
//
//   node scripts/check-deps.mjs [--root <dir>]
//
// What counts as an import: `import … from 'x'`, `import 'x'`, `export … from 'x'` (type-only
// too, and spread over several lines), `import('x')`, `require('x')`, `require.resolve('x')`,
// `createRequire(…).resolve('x')` and `import.meta.resolve('x')`. Node's builtins (`node:fs`, `fs`) and relative paths are free.
//
// Test files (under test/, tests/ or __tests__/, or named *.test.* / *.spec.*) may import what
// the package declares in dependencies or devDependencies, plus the root package.json's
// devDependencies (the shared test tooling: vitest, @types/node). Every other file of the
// package (src/, bin/, generated code) is production code and may import only dependencies
// (peer and optional dependencies count too). Only production imports are held to the layers.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const LAYER_FILE = 'layers.json';
const CODE = /\.(?:[cm]?[jt]sx?)$/;
const SKIP_DIRS = new Set(['node_modules', 'dist', 'coverage']);
const TEST_DIRS = new Set(['test', 'tests', '__tests__']);

// Static imports and re-exports: the clause between the keyword and `from` never holds quotes,
// semicolons, parentheses or `=`, which keeps the match inside one statement across lines.
const STATIC_IMPORT = /^[ \t]*(?:import|export)\b(?:[^'"`;()=]*?\bfrom)?\s*['"]([^'"\n]+)['"]/gm;
const CALL_IMPORT =
  /(?:\b(?:import|require|require\.resolve|import\.meta\.resolve)|\)\.resolve)\s*\(\s*['"]([^'"\n]+)['"]\s*[,)]/g;

/** Blanks comments that start a line (doc comments, commented-out code), keeping line numbers. */
function stripComments(text) {
  const blank = (m) => m.replace(/[^\n]/g, ' ');
  return text.replace(/^[ \t]*\/\*[\s\S]*?\*\//gm, blank).replace(/^[ \t]*\/\/.*$/gm, blank);
}

/** The specifiers a source file imports, with their line numbers. */
export function importsOf(text) {
  const code = stripComments(text);
  const found = [];
  for (const re of [STATIC_IMPORT, CALL_IMPORT]) {
    for (const m of code.matchAll(re)) {
      const at = m.index + m[0].lastIndexOf(m[1]);
      found.push({ specifier: m[1], line: code.slice(0, at).split('\n').length });
    }
  }
  return found.sort((a, b) => a.line - b.line);
}

/** The package a specifier names, or undefined for relative paths, builtins and subpath imports. */
export function packageOf(specifier) {
  if (/^[./#]/.test(specifier) || /^[a-z]+:/.test(specifier) || isBuiltin(specifier)) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`cannot read ${file}: ${err.message}`);
  }
}

/** Workspace directories from the root package.json (`dir` or `dir/*` entries). */
function workspaceDirs(root, rootPkg) {
  const patterns = Array.isArray(rootPkg.workspaces) ? rootPkg.workspaces : (rootPkg.workspaces?.packages ?? []);
  const dirs = [];
  for (const pattern of patterns) {
    if (pattern.endsWith('/*')) {
      const parent = join(root, pattern.slice(0, -2));
      if (!existsSync(parent)) continue;
      for (const e of readdirSync(parent, { withFileTypes: true })) {
        if (e.isDirectory() && existsSync(join(parent, e.name, 'package.json'))) dirs.push(join(parent, e.name));
      }
    } else if (existsSync(join(root, pattern, 'package.json'))) {
      dirs.push(join(root, pattern));
    }
  }
  return dirs;
}

function sourceFiles(dir, rel = '') {
  const files = [];
  for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
    if (e.name.startsWith('.') || SKIP_DIRS.has(e.name)) continue;
    const path = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) files.push(...sourceFiles(dir, path));
    else if (CODE.test(e.name)) files.push(path);
  }
  return files;
}

function isTestFile(relPath) {
  const parts = relPath.split('/');
  return parts.slice(0, -1).some((p) => TEST_DIRS.has(p)) || /\.(?:test|spec)\.[cm]?[jt]sx?$/.test(relPath);
}

/** `@types/foo` is used when `foo` is imported; `@types/a__b` when `@a/b` is. */
function typedPackage(dep) {
  if (!dep.startsWith('@types/')) return dep;
  const name = dep.slice('@types/'.length);
  return name.includes('__') ? `@${name.replace('__', '/')}` : name;
}

function readLayers(root, problems) {
  const file = join(root, LAYER_FILE);
  if (!existsSync(file)) {
    problems.push(`${LAYER_FILE} is missing: it lists the layers of the workspace packages, lowest first`);
    return { layerOf: new Map(), names: [] };
  }
  const table = readJson(file);
  const layerOf = new Map();
  const names = [];
  for (const [i, layer] of (table.layers ?? []).entries()) {
    const name = layer.name ?? `#${i + 1}`;
    names.push(name);
    for (const pkg of layer.packages ?? []) {
      if (layerOf.has(pkg)) {
        problems.push(`${LAYER_FILE}: ${pkg} is listed in layer '${names[layerOf.get(pkg)]}' and again in '${name}'`);
      } else {
        layerOf.set(pkg, i);
      }
    }
  }
  return { layerOf, names };
}

/** Every cycle among the edges (one per strongly connected component), as a path a → b → a. */
function cycles(edges) {
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const components = [];
  let next = 0;
  const visit = (v) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v), index.get(w)));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) components.push(component);
    }
  };
  for (const v of [...edges.keys()].sort()) if (!index.has(v)) visit(v);
  // A concrete path through each component: breadth-first from its first member back to itself.
  return components.map((component) => {
    const members = new Set(component);
    const start = [...component].sort()[0];
    const from = new Map();
    const queue = [start];
    while (queue.length > 0) {
      const v = queue.shift();
      for (const w of edges.get(v) ?? []) {
        if (!members.has(w)) continue;
        if (w === start) {
          const path = [start];
          for (let u = v; u !== start; u = from.get(u)) path.splice(1, 0, u);
          return [...path, start];
        }
        if (!from.has(w)) {
          from.set(w, v);
          queue.push(w);
        }
      }
    }
    return [...component, component[0]];
  });
}

/** All problems of the workspace at `root`, one line each (empty: all is well). */
export function checkDeps(root) {
  const problems = [];
  const rootPkg = readJson(join(root, 'package.json'));
  const rootDev = new Set(Object.keys(rootPkg.devDependencies ?? {}));
  const { layerOf, names: layerNames } = readLayers(root, problems);
  const layerName = (pkg) => `'${layerNames[layerOf.get(pkg)]}'`;

  const packages = workspaceDirs(root, rootPkg).map((dir) => {
    const pkg = readJson(join(dir, 'package.json'));
    return {
      dir,
      rel: relative(root, dir).split(sep).join('/'),
      name: pkg.name,
      deps: new Set([
        ...Object.keys(pkg.dependencies ?? {}),
        ...Object.keys(pkg.peerDependencies ?? {}),
        ...Object.keys(pkg.optionalDependencies ?? {}),
      ]),
      runtimeDeps: Object.keys(pkg.dependencies ?? {}),
      devDeps: new Set(Object.keys(pkg.devDependencies ?? {})),
    };
  });
  const workspaceNames = new Set(packages.map((p) => p.name));

  for (const p of packages) {
    if (!layerOf.has(p.name)) {
      problems.push(
        `package ${p.name} (${p.rel}) is not in the layer table ${LAYER_FILE}: add it to one of its layers (${layerNames.join(', ')}, lowest first)`,
      );
    }
  }
  for (const name of layerOf.keys()) {
    if (!workspaceNames.has(name)) {
      problems.push(`${LAYER_FILE} lists ${name}, which is not a workspace package: remove it or add its workspace`);
    }
  }

  const edges = new Map();
  for (const p of packages) {
    const prodUses = new Map(); // package -> first "file:line"
    const testUses = new Map();
    for (const file of sourceFiles(p.dir)) {
      const test = isTestFile(file);
      for (const { specifier, line } of importsOf(readFileSync(join(p.dir, file), 'utf8'))) {
        const dep = packageOf(specifier);
        if (dep === undefined || dep === p.name) continue;
        const uses = test ? testUses : prodUses;
        if (!uses.has(dep)) uses.set(dep, { where: `${p.rel}/${file}:${line}`, count: 0 });
        uses.get(dep).count++;
      }
    }
    const more = (use) => (use.count > 1 ? ` (and ${use.count - 1} more import${use.count > 2 ? 's' : ''})` : '');

    // 1. Undeclared imports.
    for (const [dep, use] of prodUses) {
      if (p.deps.has(dep)) continue;
      const hint = p.devDeps.has(dep) ? ' (only in devDependencies, but production code needs it)' : '';
      problems.push(
        `${use.where}${more(use)}: imports ${dep}, which ${p.rel}/package.json does not declare in dependencies${hint}`,
      );
    }
    for (const [dep, use] of testUses) {
      // Production code importing it undeclared is reported above; declaring it fixes both.
      if (p.deps.has(dep) || p.devDeps.has(dep) || rootDev.has(dep) || prodUses.has(dep)) continue;
      problems.push(
        `${use.where}${more(use)}: test imports ${dep}, which ${p.rel}/package.json does not declare in dependencies or devDependencies`,
      );
    }

    // 2. Unused declarations.
    const used = (uses, dep) => uses.has(typedPackage(dep)) || uses.has(dep);
    for (const dep of p.runtimeDeps) {
      if (used(prodUses, dep)) continue;
      if (used(testUses, dep)) {
        problems.push(
          `${p.rel}/package.json: declares ${dep} in dependencies, but only its tests import it: move it to devDependencies`,
        );
      } else {
        problems.push(
          `${p.rel}/package.json: declares ${dep} in dependencies, but no file of ${p.name} imports it: remove it`,
        );
      }
    }
    for (const dep of p.devDeps) {
      if (!used(prodUses, dep) && !used(testUses, dep)) {
        problems.push(
          `${p.rel}/package.json: declares ${dep} in devDependencies, but no file of ${p.name} imports it: remove it`,
        );
      }
    }

    // 3. Layers: production code imports its own layer or lower ones.
    const out = new Set();
    for (const [dep, use] of prodUses) {
      if (!workspaceNames.has(dep)) continue;
      out.add(dep);
      if (!layerOf.has(p.name) || !layerOf.has(dep)) continue;
      if (layerOf.get(dep) > layerOf.get(p.name)) {
        problems.push(
          `${use.where}: ${p.name} (layer ${layerName(p.name)}) imports ${dep} from the higher layer ${layerName(dep)} (see ${LAYER_FILE})`,
        );
      }
    }
    for (const dep of p.runtimeDeps) if (workspaceNames.has(dep)) out.add(dep);
    edges.set(p.name, [...out].sort());
  }
  for (const cycle of cycles(edges)) {
    problems.push(`dependency cycle: ${cycle.join(' → ')} (within a layer, imports must not go round)`);
  }
  return problems;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const i = args.indexOf('--root');
  const root = i >= 0 ? args[i + 1] : join(dirname(fileURLToPath(import.meta.url)), '..');
  let problems;
  try {
    problems = checkDeps(root);
  } catch (err) {
    console.error(`check-deps: ${err.message}`);
    process.exit(2);
  }
  for (const p of problems) console.error(`check-deps: ${p}`);
  if (problems.length > 0) {
    console.error(`check-deps: ${problems.length} problem(s); the layer order is in ${LAYER_FILE}`);
    process.exit(1);
  }
  console.log('check-deps: every package declares what it imports, imports what it declares, and keeps to its layer');
}
