import type { ServiceModule } from './service-module.js';

/**
 * `<module>.gateway.ts`: a client of the module's external HTTP API, with a timeout, retries on
 * transient faults only and a validated response.
 *
 * @param module - the module
 * @example
 * if (module.gateway) write(`src/${module.name}/${module.name}.gateway.ts`, gatewayFile(module));
 */
export function gatewayFile(module: ServiceModule): string {
  const { pascal: type, camel } = module;
  return `import { z } from 'zod';
import { GatewayError } from '../lib/errors.js';
import { retry } from '../lib/retry.js';

const submissionResponse = z.object({
  id: z.string(),
  status: z.enum(['accepted', 'rejected']),
  reason: z.string().optional(),
});

export interface ${type}Submission {
  reference: string;
  amountMinor: number;
  currency: string;
}

export interface ${type}GatewayResult {
  externalId: string;
  status: 'accepted' | 'rejected';
}

export interface ${type}Gateway {
  submit(submission: ${type}Submission): Promise<${type}GatewayResult>;
  fetchStatus(externalId: string): Promise<'accepted' | 'rejected' | 'unknown'>;
}

export interface ${type}GatewayOptions {
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
  fetch?: typeof fetch;
}

function isTransient(error: unknown): boolean {
  return error instanceof GatewayError && error.transient;
}

export function create${type}Gateway(options: ${type}GatewayOptions): ${type}Gateway {
  const request = options.fetch ?? fetch;
  const call = async (path: string, init: RequestInit): Promise<unknown> => {
    let response: Response;
    try {
      response = await request(new URL(path, options.baseUrl), {
        ...init,
        headers: { authorization: \`Bearer \${options.apiKey}\`, 'content-type': 'application/json' },
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (error) {
      throw new GatewayError('${module.name} gateway unreachable', true, { cause: error });
    }
    if (response.status >= 500 || response.status === 429) throw new GatewayError(\`${module.name} gateway answered \${String(response.status)}\`, true);
    if (!response.ok) throw new GatewayError(\`${module.name} gateway refused: \${String(response.status)}\`, false);
    return response.json();
  };
  return {
    async submit(submission) {
      const body = await retry(() => call('/v1/${module.table}', { method: 'POST', body: JSON.stringify(submission) }), {
        attempts: 3,
        baseDelayMs: 200,
        isTransient,
      });
      const parsed = submissionResponse.parse(body);
      return { externalId: parsed.id, status: parsed.status };
    },
    async fetchStatus(externalId) {
      try {
        const parsed = submissionResponse.parse(await call(\`/v1/${module.table}/\${encodeURIComponent(externalId)}\`, { method: 'GET' }));
        return parsed.status;
      } catch (error) {
        if (isTransient(error)) return 'unknown';
        throw error;
      }
    },
  };
}

export function fake${type}Gateway(results: Record<string, ${type}GatewayResult> = {}): ${type}Gateway {
  const ${camel}Submissions: ${type}Submission[] = [];
  return {
    submit(submission) {
      ${camel}Submissions.push(submission);
      return Promise.resolve(results[submission.reference] ?? { externalId: \`fake-\${String(${camel}Submissions.length)}\`, status: 'accepted' });
    },
    fetchStatus: () => Promise.resolve('accepted'),
  };
}
`;
}
