import type { Sender } from '../shared/browser.ts';
import { Envelope, Messages, type MessageName } from '../shared/messages.ts';

export type Origin = 'content' | 'page';

/** Who sent a message: our own extension page, our content script in a tab, or no one we trust. */
export function originOf(sender: Sender, extensionId: string, extensionOrigin: string): Origin | null {
  if (sender.id !== extensionId) return null;
  if (sender.url?.startsWith(extensionOrigin)) return 'page';
  // Content scripts run in the top frame only; a message from a subframe is not ours to act on.
  if (sender.tab?.id !== undefined && sender.tab.url && (sender.frameId ?? 0) === 0) return 'content';
  return null;
}

export type Handlers = {
  [K in MessageName]: (payload: import('../shared/zod.ts').z.infer<(typeof Messages)[K]['request']>, sender: Sender) => Promise<import('../shared/zod.ts').z.infer<(typeof Messages)[K]['response']>>;
};

/**
 * The worker's single onMessage listener. Foreign messages are ignored synchronously (before
 * any await) so other listeners and the sender are not kept waiting; ours are checked for
 * shape and sender before a handler sees them.
 */
export function createRouter(handlers: Handlers, extensionId: string, extensionOrigin: string) {
  return (message: unknown, sender: Sender): Promise<unknown> | undefined => {
    const envelope = Envelope.safeParse(message);
    if (!envelope.success || !Object.hasOwn(Messages, envelope.data.type)) return undefined;
    const type = envelope.data.type as MessageName;
    const spec = Messages[type];
    const origin = originOf(sender, extensionId, extensionOrigin);
    if (!origin || !(spec.from as readonly Origin[]).includes(origin)) {
      return Promise.reject(new Error(`Refused: ${type} is not accepted from this sender.`));
    }
    const payload = spec.request.safeParse(envelope.data.payload);
    if (!payload.success) return Promise.reject(new Error(`Refused: malformed ${type} message.`));
    const handler = handlers[type] as (p: unknown, s: Sender) => Promise<unknown>;
    return handler(payload.data, sender).then((answer) => spec.response.parse(answer));
  };
}
