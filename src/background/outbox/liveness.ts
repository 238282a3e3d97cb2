/**
 * Is the worker instance that holds the sender lease still alive? Chrome runs one service
 * worker per extension, so a lease left by another instance almost always belongs to a
 * worker Chrome killed mid-send. Each instance holds a Web Lock named after it for its whole
 * life, and the browser releases it when the instance dies: a holder whose lock is gone is
 * dead, known at once. A lock still listed (the dying instance not yet torn down, or no Web
 * Locks at all) is settled by a ping over BroadcastChannel: a live owner answers within
 * milliseconds, and a dead one's lease need not be waited out.
 */
const CHANNEL = 'tdf-lease';
const LIFE_LOCK = 'tdf-worker-alive:';
type Ping = { ping: string; nonce: string };
type Pong = { pong: string; nonce: string };

let lifeLock: Promise<void> = Promise.resolve();

/** Registered once per worker instance: holds its life lock and answers pings addressed to `owner`. */
export function answerPings(owner: string): () => void {
  lifeLock = holdLifeLock(owner);
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const ch = new BroadcastChannel(CHANNEL);
  ch.onmessage = (e: MessageEvent<Ping>) => {
    if (e.data && e.data.ping === owner) ch.postMessage({ pong: owner, nonce: e.data.nonce } satisfies Pong);
  };
  return () => ch.close();
}

/**
 * Settles once this instance's life lock is held. The lease is taken only after, so that a
 * lease whose owner has no lock listed can only be a dead instance's.
 */
export function lifeLockHeld(): Promise<void> {
  return lifeLock;
}

function locks(): LockManager | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.locks;
}

function holdLifeLock(owner: string): Promise<void> {
  const manager = locks();
  if (!manager) return Promise.resolve();
  return new Promise<void>((granted) => {
    // Never released while this instance lives: the browser frees it when the instance dies.
    manager
      .request(LIFE_LOCK + owner, () => {
        granted();
        return new Promise<never>(() => {});
      })
      .catch(() => granted());
  });
}

/** True when the owner's life lock is known to be gone (so the owner is dead). */
async function lifeLockGone(owner: string): Promise<boolean> {
  const manager = locks();
  if (!manager) return false;
  try {
    const { held = [] } = await manager.query();
    return !held.some((l) => l.name === LIFE_LOCK + owner);
  } catch {
    return false;
  }
}

export async function isAlive(owner: string, timeoutMs = 300): Promise<boolean> {
  if (await lifeLockGone(owner)) return false;
  if (typeof BroadcastChannel === 'undefined') return true;
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
