import { describe, expect, it } from 'vitest';
import { orderStateMachine, publicOrderStatus } from './order.state-machine.js';
import { paymentStateMachine } from './payment.state-machine.js';
import { refundStateMachine } from './refund.state-machine.js';
import type { StateMachine } from './state-machine.js';

function pairs<S extends string>(machine: StateMachine<S>): [S, S][] {
  return machine.states.flatMap((from) => machine.states.map((to): [S, S] => [from, to]));
}

function check<S extends string>(name: string, machine: StateMachine<S>, allowed: readonly string[]): void {
  describe(`${name} state machine`, () => {
    const table = pairs(machine);

    it.each(table.filter(([from, to]) => allowed.includes(`${from}->${to}`)))('allows %s → %s', (from, to) => {
      expect(machine.canTransition(from, to)).toBe(true);
    });

    it.each(table.filter(([from, to]) => !allowed.includes(`${from}->${to}`)))('forbids %s → %s', (from, to) => {
      expect(machine.canTransition(from, to)).toBe(false);
    });

    it('lists exactly the allowed transitions', () => {
      expect(table.filter(([from, to]) => machine.canTransition(from, to)).map(([from, to]) => `${from}->${to}`).sort()).toEqual(
        [...allowed].sort(),
      );
    });
  });
}

check('order', orderStateMachine, [
  'pending->paying',
  'pending->paid',
  'pending->cancelled',
  'paying->paid',
  'paying->pending',
  'paid->partially_refunded',
  'paid->refunded',
  'partially_refunded->partially_refunded',
  'partially_refunded->refunded',
]);

check('payment', paymentStateMachine, [
  'processing->succeeded',
  'processing->failed',
  'succeeded->partially_refunded',
  'succeeded->refunded',
  'partially_refunded->partially_refunded',
  'partially_refunded->refunded',
]);

check('refund', refundStateMachine, ['pending->succeeded', 'pending->failed']);

describe('initial states', () => {
  it('starts orders pending, payments processing or succeeded, refunds pending or succeeded', () => {
    expect(orderStateMachine.initial).toEqual(['pending']);
    expect(paymentStateMachine.initial).toEqual(['processing', 'succeeded']);
    expect(refundStateMachine.initial).toEqual(['pending', 'succeeded']);
  });

  it('shows an order being paid as pending', () => {
    expect(publicOrderStatus('paying')).toBe('pending');
    expect(publicOrderStatus('paid')).toBe('paid');
  });
});
