import { sendToRuntime } from './browser.ts';
import { Envelope, Messages, NS, type MessageName, type RequestOf, type ResponseOf } from './messages.ts';

/** Sends a declared message to the worker and validates the answer before anyone sees it. */
export async function send<K extends MessageName>(type: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
  const answer: unknown = await sendToRuntime({ ns: NS, type, payload });
  const parsed = Messages[type].response.safeParse(answer);
  if (!parsed.success) throw new Error(`Unexpected answer to ${type}: ${parsed.error.message}`);
  return parsed.data as ResponseOf<K>;
}

export { Envelope };
