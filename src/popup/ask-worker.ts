import type { MessageName, RequestOf, ResponseOf } from '../shared/messages.ts';

/**
 * `send` (shared/messaging.ts), loaded on first use: its zod schemas of every message are
 * not needed to show the first rows, and the popup asks the worker only after those are on
 * screen (a click, the status refresh). Types only at compile time; the schemas still check
 * every answer.
 */
export async function ask<K extends MessageName>(type: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
  const { send } = await import('../shared/messaging.ts');
  return send(type, payload);
}
