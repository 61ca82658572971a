import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** The module boundaries of docs/architecture.md, read from the source's own import lines. */
const root = path.resolve(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(p);
  }
  return out;
}

function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Every relative import (type-only ones and `declare module` augmentations included) of every file below `dir`. */
export function importGraph(dir: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(dir)) {
    const text = fs.readFileSync(file, 'utf8');
    const specs = [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
    graph.set(file, specs.map((s) => resolveImport(file, s)).filter((f): f is string => f !== null));
  }
  return graph;
}

/** The import circles of a graph (strongly connected components with more than one file, or a self-import). */
export function circles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const stack: string[] = [];
  const on = new Set<string>();
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        comp.push(path.relative(root, w));
      } while (w !== v);
      if (comp.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(comp.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
}

describe('module boundaries', () => {
  it('the platform imports no module, directly or through the app', () => {
    const graph = importGraph(path.join(root, 'server'));
    const offenders: string[] = [];
    for (const [file, deps] of graph) {
      if (!file.startsWith(path.join(root, 'server', 'platform') + path.sep)) continue;
      for (const d of deps) {
        if (d.startsWith(path.join(root, 'server', 'modules') + path.sep) || d === path.join(root, 'server', 'app.ts') || d === path.join(root, 'server', 'main.ts')) {
          offenders.push(`${path.relative(root, file)} → ${path.relative(root, d)}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it('has no import circle in server/ or web/src/', () => {
    expect(circles(importGraph(path.join(root, 'server')))).toEqual([]);
    expect(circles(importGraph(path.join(root, 'web', 'src')))).toEqual([]);
  });

  it('finds a circle when there is one (the check itself works)', () => {
    const a = path.join(root, 'a.ts');
    const b = path.join(root, 'b.ts');
    expect(circles(new Map([[a, [b]], [b, [a]]]))).toEqual([['a.ts', 'b.ts']]);
  });
});
