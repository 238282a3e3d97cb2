import type { MessageName, RequestOf, ResponseOf } from '../shared/messages.ts';
import { sendToRuntime } from '../shared/browser.ts';
import { NS } from '../shared/wire.ts';

/**
 * Sends a declared message to the worker from a marketplace page, without zod: the worker
 * validates every message where it arrives (it stays the gatekeeper), and its answers come
 * from our own code, so the page does not pay for loading and running the schemas again.
 * Callers read answers defensively (see search-page's lookup).
 */
export async function askWorker<K extends MessageName>(type: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
  const answer = await sendToRuntime({ ns: NS, type, payload });
  if (answer === undefined || answer === null) throw new Error(`No answer to ${type}`);
  return answer as ResponseOf<K>;
}
