import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  AuthorizationError,
  InternalError,
  MethodNotAllowedError,
  NotFoundError,
  RateLimitedError,
  ValidationError,
} from '../src/errors/app-error.js';
import { errorCatalog, errorCodes, isErrorCode } from '../src/errors/error-catalog.js';

const packageRoot = path.resolve(import.meta.dirname, '..');
const catalogueDoc = path.resolve(packageRoot, '../../docs/reference-app/errors.md');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      return sourceFiles(full);
    }
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** The names of `AppError` and its subclasses (any file under src/ may declare one). */
function appErrorClasses(files: readonly string[]): Set<string> {
  const classes = new Set(['AppError']);
  let grew = true;
  while (grew) {
    grew = false;
    for (const file of files) {
      for (const match of readFileSync(file, 'utf8').matchAll(/class (\w+) extends (\w+)/g)) {
        if (classes.has(match[2] ?? '') && !classes.has(match[1] ?? '')) {
          classes.add(match[1] ?? '');
          grew = true;
        }
      }
    }
  }
  return classes;
}

/** Codes passed literally to an AppError constructor anywhere in src/, plus the classes' own defaults. */
function producibleCodes(): Set<string> {
  const files = sourceFiles(path.join(packageRoot, 'src'));
  const classes = appErrorClasses(files);
  const codes = new Set<string>();
  for (const file of files) {
    for (const match of readFileSync(file, 'utf8').matchAll(/new (\w+)\(\s*'([a-z][a-z_]*)'/g)) {
      if (classes.has(match[1] ?? '')) {
        codes.add(match[2] ?? '');
      }
    }
  }
  for (const error of [
    new ValidationError([]),
    new AuthenticationError(),
    new AuthorizationError(),
    new NotFoundError(),
    new MethodNotAllowedError(['GET']),
    new RateLimitedError(1),
    new InternalError(),
  ]) {
    codes.add(error.code);
  }
  return codes;
}

function documentedRows(): Map<string, { status: number; title: string }> {
  const rows = new Map<string, { status: number; title: string }>();
  for (const match of readFileSync(catalogueDoc, 'utf8').matchAll(/^\| `([a-z_]+)` \| (\d{3}) \| ([^|]+) \|/gm)) {
    rows.set(match[1] ?? '', { status: Number(match[2]), title: (match[3] ?? '').trim() });
  }
  return rows;
}

describe('error catalogue', () => {
  it('knows every code an error constructor in the code base is given', () => {
    const unknown = [...producibleCodes()].filter((code) => !isErrorCode(code));
    expect(unknown).toEqual([]);
  });

  it('lists every code the code base can produce in docs/reference-app/errors.md', () => {
    const documented = documentedRows();
    const missing = [...producibleCodes()].filter((code) => !documented.has(code));
    expect(missing).toEqual([]);
  });

  it('documents exactly the catalogue, with the same status and title for each code', () => {
    const documented = documentedRows();
    expect([...documented.keys()].sort()).toEqual([...errorCodes].sort());
    for (const code of errorCodes) {
      expect({ code, ...documented.get(code) }).toEqual({ code, status: errorCatalog[code].status, title: errorCatalog[code].title });
    }
  });

  it('finds the codes the wallet raises, so the source scan is not vacuous', () => {
    expect([...producibleCodes()]).toEqual(
      expect.arrayContaining(['insufficient_funds', 'email_taken', 'idempotency_key_reused', 'malformed_json', 'token_expired']),
    );
  });
});
