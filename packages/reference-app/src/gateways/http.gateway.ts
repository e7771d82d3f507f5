import { BrokenCircuitError } from 'cockatiel';
import type { z } from 'zod';
import {
  GatewayOutcomeUnknownError,
  GatewayProtocolError,
  GatewayTransientError,
  GatewayUnavailableError,
} from './gateway.errors.js';
import type { ChannelResilience } from './gateway.resilience.js';
import {
  chargeSchema,
  gatewayErrorSchema,
  refundSchema,
  type GatewayChannel,
} from './gateway.schemas.js';
import type {
  ChargeInput,
  GatewayCallOutcome,
  GatewayLookup,
  GatewayObserver,
  GatewayOutcome,
  PaymentGateway,
  RefundInput,
} from './payment.gateway.js';

/** Options of {@link createHttpPaymentGateway}. */
export interface HttpPaymentGatewayOptions {
  readonly channel: GatewayChannel;
  /** Gateway base URL (`GATEWAY_URL` or the started simulator), without a trailing slash. */
  readonly baseUrl: string;
  /** Deadline of one attempt, response body included (`GATEWAY_TIMEOUT_MS`). */
  readonly timeoutMs: number;
  /** The channel's retry + breaker policy. */
  readonly resilience: ChannelResilience;
  readonly observer?: GatewayObserver | undefined;
}

type Operation = 'charge' | 'refund' | 'lookup';

interface Call {
  attempts: number;
  timedOut: boolean;
}

function outcomeOf(error: unknown): GatewayCallOutcome {
  return error instanceof GatewayTransientError && error.fault === 'timeout' ? 'timeout' : 'error';
}

/**
 * Creates the HTTP client of one payment channel. Every attempt has a deadline covering the body
 * too; the status is checked before the body is read; bodies are validated with zod; gateway error
 * text is never carried forward (it can contain anything), only its code.
 *
 * @param options - channel, base URL, per-attempt timeout, resilience policy, observer
 * @returns the channel's gateway
 * @example
 * const card = createHttpPaymentGateway({
 *   channel: 'card', baseUrl: 'http://127.0.0.1:4010', timeoutMs: 2000,
 *   resilience: createChannelResilience({ halfOpenAfterMs: 10_000 }),
 * });
 */
export function createHttpPaymentGateway(options: HttpPaymentGatewayOptions): PaymentGateway {
  const { channel, baseUrl, timeoutMs, resilience, observer } = options;

  /** One attempt: request and body read under one deadline, transient faults typed. */
  async function attempt<T>(
    call: Call,
    operation: Operation,
    signal: AbortSignal,
    request: { readonly path: string; readonly key?: string; readonly body?: unknown },
    interpret: (response: Response) => Promise<T>,
    classify: (result: T) => GatewayCallOutcome = () => 'success',
  ): Promise<T> {
    call.attempts += 1;
    const started = performance.now();
    const deadline = AbortSignal.timeout(timeoutMs);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (request.key !== undefined) {
      headers['idempotency-key'] = request.key;
    }
    if (request.body !== undefined) {
      headers['content-type'] = 'application/json';
    }
    try {
      const response = await fetch(`${baseUrl}${request.path}`, {
        method: request.body === undefined ? 'GET' : 'POST',
        headers,
        body: request.body === undefined ? null : JSON.stringify(request.body),
        signal: AbortSignal.any([signal, deadline]),
      });
      if (response.status >= 500 || response.status === 429) {
        await response.body?.cancel();
        throw new GatewayTransientError(response.status === 429 ? 'rate_limited' : 'server_error', response.status);
      }
      const result = await interpret(response);
      observer?.onCall({ channel, operation, outcome: classify(result), durationMs: performance.now() - started });
      return result;
    } catch (error) {
      const typed =
        error instanceof GatewayTransientError || error instanceof GatewayProtocolError
          ? error
          : new GatewayTransientError(deadline.aborted ? 'timeout' : 'connection', undefined, { cause: error });
      if (typed instanceof GatewayTransientError && typed.fault === 'timeout') {
        call.timedOut = true;
      }
      observer?.onCall({ channel, operation, outcome: outcomeOf(typed), durationMs: performance.now() - started });
      throw typed;
    }
  }

  async function parse<S extends z.ZodType>(response: Response, schema: S): Promise<z.infer<S>> {
    const parsed = schema.safeParse(await response.json());
    if (!parsed.success) {
      throw new GatewayProtocolError(response.status, { cause: parsed.error });
    }
    return parsed.data;
  }

  async function declineCode(response: Response): Promise<string> {
    const parsed = gatewayErrorSchema.safeParse(await response.json());
    return parsed.success ? parsed.data.error.code : 'declined';
  }

  /** Translates what the policy threw into the two errors callers handle. */
  function settle(error: unknown, call: Call, operation: Operation): never {
    const mayHaveActed = operation !== 'lookup';
    if (error instanceof BrokenCircuitError) {
      observer?.onCall({ channel, operation, outcome: 'rejected', durationMs: 0 });
      if (mayHaveActed && call.timedOut) {
        throw new GatewayOutcomeUnknownError(channel, call.attempts, { cause: error });
      }
      throw new GatewayUnavailableError(channel, 'circuit_open', resilience.snapshot().retryAfterMs, call.attempts, {
        cause: error,
      });
    }
    if (mayHaveActed && (call.timedOut || (error instanceof GatewayProtocolError && error.status < 300))) {
      throw new GatewayOutcomeUnknownError(channel, call.attempts, { cause: error });
    }
    if (error instanceof GatewayTransientError) {
      throw new GatewayUnavailableError(channel, 'exhausted', resilience.snapshot().retryAfterMs, call.attempts, {
        cause: error,
      });
    }
    throw error;
  }

  async function mutate(
    operation: 'charge' | 'refund',
    path: string,
    key: string,
    body: unknown,
    schema: typeof chargeSchema | typeof refundSchema,
  ): Promise<GatewayOutcome> {
    const call: Call = { attempts: 0, timedOut: false };
    try {
      return await resilience.execute((signal) =>
        attempt(call, operation, signal, { path, key, body }, async (response): Promise<GatewayOutcome> => {
          if (response.status === 200 || response.status === 201) {
            const value = await parse(response, schema);
            return { status: 'succeeded', gatewayId: value.id, attempts: call.attempts };
          }
          if (response.status === 402) {
            return { status: 'declined', declineCode: await declineCode(response), attempts: call.attempts };
          }
          await response.body?.cancel();
          throw new GatewayProtocolError(response.status);
        }, (result) => (result.status === 'declined' ? 'declined' : 'success')),
      );
    } catch (error) {
      return settle(error, call, operation);
    }
  }

  async function lookup(path: string, schema: typeof chargeSchema | typeof refundSchema): Promise<GatewayLookup> {
    const call: Call = { attempts: 0, timedOut: false };
    try {
      return await resilience.execute((signal) =>
        attempt(call, 'lookup', signal, { path }, async (response): Promise<GatewayLookup> => {
          if (response.status === 200) {
            const value = await parse(response, schema);
            return value.status === 'succeeded'
              ? { status: 'succeeded', gatewayId: value.id }
              : { status: 'declined', declineCode: value.declineCode ?? 'declined' };
          }
          await response.body?.cancel();
          if (response.status === 404) {
            return { status: 'not_found' };
          }
          throw new GatewayProtocolError(response.status);
        }),
      );
    } catch (error) {
      return settle(error, call, 'lookup');
    }
  }

  return {
    channel,
    charge: (input: ChargeInput) =>
      mutate(
        'charge',
        '/v1/charges',
        input.key,
        {
          channel,
          reference: input.reference,
          amount: input.amount,
          currency: input.currency,
          paymentMethod: input.paymentMethod,
        },
        chargeSchema,
      ),
    refund: (input: RefundInput) =>
      mutate(
        'refund',
        '/v1/refunds',
        input.key,
        { chargeKey: input.chargeKey, reference: input.reference, amount: input.amount },
        refundSchema,
      ),
    lookupCharge: (key) => lookup(`/v1/charges/${encodeURIComponent(key)}`, chargeSchema),
    lookupRefund: (key) => lookup(`/v1/refunds/${encodeURIComponent(key)}`, refundSchema),
    breaker: () => resilience.snapshot(),
  };
}
