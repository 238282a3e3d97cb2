/**
 * Is the worker instance that holds the sender lease still alive? Chrome runs one service
 * worker per extension, so a lease left by another instance almost always belongs to a
 * worker Chrome killed mid-send. A ping over BroadcastChannel tells for sure: a live owner
 * answers within milliseconds, and a dead one's lease need not be waited out.
 */
const CHANNEL = 'tdf-lease';
type Ping = { ping: string; nonce: string };
type Pong = { pong: string; nonce: string };

/** Registered once per worker instance: answers pings addressed to `owner`. */
export function answerPings(owner: string): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const ch = new BroadcastChannel(CHANNEL);
  ch.onmessage = (e: MessageEvent<Ping>) => {
    if (e.data && e.data.ping === owner) ch.postMessage({ pong: owner, nonce: e.data.nonce } satisfies Pong);
  };
  return () => ch.close();
}

export function isAlive(owner: string, timeoutMs = 300): Promise<boolean> {
  if (typeof BroadcastChannel === 'undefined') return Promise.resolve(true);
  const ch = new BroadcastChannel(CHANNEL);
  const nonce = crypto.randomUUID();
  return new Promise<boolean>((resolve) => {
    const done = (alive: boolean) => {
      clearTimeout(timer);
      ch.close();
      resolve(alive);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    ch.onmessage = (e: MessageEvent<Pong>) => {
      if (e.data && e.data.pong === owner && e.data.nonce === nonce) done(true);
    };
    ch.postMessage({ ping: owner, nonce } satisfies Ping);
  });
}
