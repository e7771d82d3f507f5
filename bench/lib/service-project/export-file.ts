import type { ServiceModule } from './service-module.js';

/**
 * `<module>.export.ts`: CSV export and import of the module's items, with row-level validation.
 *
 * @param module - the module
 * @example
 * write(`src/${module.name}/${module.name}.export.ts`, exportFile(module));
 */
export function exportFile(module: ServiceModule): string {
  const { pascal: type, camel } = module;
  return `import { format } from '../lib/money.js';
import type { ${type} } from './${module.name}.model.js';

const HEADER = ['id', 'account_id', 'reference', 'status', 'amount', 'currency', 'due_at', 'created_at'] as const;

function escapeCell(value: string): string {
  const needsQuotes = /[",\\n\\r]/.test(value) || value.startsWith(' ') || value.endsWith(' ');
  // Cells starting with = + - @ are formulas to spreadsheet programs.
  const safe = /^[=+\\-@]/.test(value) ? \`'\${value}\` : value;
  return needsQuotes ? \`"\${safe.replaceAll('"', '""')}"\` : safe;
}

export function ${camel}ToCsvRow(${camel}: ${type}): string {
  return [
    String(${camel}.id),
    String(${camel}.accountId),
    ${camel}.reference,
    ${camel}.status,
    String(${camel}.amount.amountMinor),
    ${camel}.amount.currency,
    ${camel}.dueAt?.toISOString() ?? '',
    ${camel}.createdAt.toISOString(),
  ]
    .map(escapeCell)
    .join(',');
}

export function ${camel}sToCsv(items: readonly ${type}[]): string {
  return [HEADER.join(','), ...items.map(${camel}ToCsvRow)].join('\\r\\n');
}

export function* ${camel}CsvChunks(items: Iterable<${type}>, chunkSize = 500): Generator<string> {
  let chunk: string[] = [HEADER.join(',')];
  for (const item of items) {
    chunk.push(${camel}ToCsvRow(item));
    if (chunk.length >= chunkSize) {
      yield chunk.join('\\r\\n') + '\\r\\n';
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk.join('\\r\\n') + '\\r\\n';
}

export function parseCsvLine(line: string): string[] {
  const cells: string[] = [];
  let current = '';
  let quoted = false;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index];
    if (quoted) {
      if (char === '"' && line[index + 1] === '"') {
        current += '"';
        index += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        current += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      cells.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  cells.push(current);
  return cells;
}

export interface ${type}ImportRow {
  line: number;
  accountId: number;
  reference: string;
  amountMinor: number;
  currency: string;
}

export interface ${type}ImportResult {
  rows: ${type}ImportRow[];
  errors: { line: number; message: string }[];
}

export function parse${type}Import(text: string): ${type}ImportResult {
  const result: ${type}ImportResult = { rows: [], errors: [] };
  const lines = text.split(/\\r?\\n/).filter((line) => line.trim() !== '');
  lines.slice(1).forEach((line, index) => {
    const [accountId = '', reference = '', amount = '', currency = ''] = parseCsvLine(line);
    const lineNumber = index + 2;
    const parsedAccount = Number.parseInt(accountId, 10);
    const parsedAmount = Number.parseInt(amount, 10);
    if (Number.isNaN(parsedAccount) || parsedAccount <= 0) result.errors.push({ line: lineNumber, message: 'account id must be a positive integer' });
    else if (reference.trim() === '') result.errors.push({ line: lineNumber, message: 'reference is required' });
    else if (Number.isNaN(parsedAmount) || parsedAmount < 0) result.errors.push({ line: lineNumber, message: 'amount must be a non-negative integer' });
    else if (!/^[A-Z]{3}$/.test(currency)) result.errors.push({ line: lineNumber, message: 'currency must be an ISO 4217 code' });
    else result.rows.push({ line: lineNumber, accountId: parsedAccount, reference: reference.trim(), amountMinor: parsedAmount, currency });
  });
  return result;
}

export function describe${type}Export(items: readonly ${type}[]): string {
  const byCurrency = new Map<string, ${type}['amount']>();
  for (const item of items) {
    const total = byCurrency.get(item.amount.currency);
    byCurrency.set(item.amount.currency, { amountMinor: (total?.amountMinor ?? 0) + item.amount.amountMinor, currency: item.amount.currency });
  }
  const totals = [...byCurrency.values()].map((total) => format(total)).join(', ');
  return \`\${String(items.length)} ${module.table.replaceAll('_', ' ')}\${totals === '' ? '' : \` totalling \${totals}\`}\`;
}
`;
}
