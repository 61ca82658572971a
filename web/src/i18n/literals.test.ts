import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '..');
// Han characters, CJK punctuation (、。「」), full-width forms (（）：，；) and the ideographic space.
const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/;
/** Marks a line whose CJK text is data or input parsing, never shown as a sentence of the interface. */
const EXEMPT = 'i18n-exempt';

/** Message files (the only place for interface words) and the tests themselves. */
function isMessageFile(file: string): boolean {
  const rel = path.relative(SRC, file).split(path.sep).join('/');
  return rel.startsWith('i18n/locales/') || /(^|\/)messages\//.test(rel) || rel.endsWith('.test.ts');
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(e.name) && !isMessageFile(full) ? [full] : [];
  });
}

/** String literals, template pieces and JSX text with CJK characters; comments are not tokens, so they never count. */
function cjkLiterals(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const lines = text.split('\n');
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node) ||
      ts.isJsxText(node)
    ) {
      const value = ts.isJsxText(node) ? node.text : node.text;
      if (CJK.test(value)) {
        const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
        if (!lines[line].includes(EXEMPT)) found.push(`${path.relative(SRC, file)}:${line + 1} ${JSON.stringify(value.trim())}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('interface words live in message files', () => {
  it('no Chinese text or full-width punctuation is written into a page, component or helper', () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap(cjkLiterals)).toEqual([]);
  });

  it('the scan sees literals, template pieces and JSX text, and not comments', () => {
    const sample = path.join(SRC, 'app', '__literal-sample.tsx');
    fs.writeFileSync(
      sample,
      [
        "// 注释里的中文不算",
        "export const a = '客户';",
        'export const b = (n: string) => `${n}（停用）`;',
        'export const C = () => <p>{/* 也不算 */}保存</p>;',
        "export const d = ['，']; // i18n-exempt: input separator",
      ].join('\n'),
    );
    try {
      expect(cjkLiterals(sample).map((s) => s.replace(/^.*?:(\d+) /, '$1 '))).toEqual(['2 "客户"', '3 "（停用）"', '4 "保存"']);
    } finally {
      fs.rmSync(sample);
    }
  });
});
