import type { Sandbox } from '../../../sandbox/server.ts';

/**
 * Each case's card screenshot as the service holds it: the case's metadata names a capture,
 * that capture is in the case's evidence as a screenshot, the service has its bytes, and the
 * card was fully visible in it.
 */
export function cardShots(sandbox: Sandbox) {
  return sandbox.listCases().map((c) => {
    const metaRef = c.submission.evidence.find((e) => e.kind === 'metadata');
    const meta = metaRef ? JSON.parse(sandbox.evidence(metaRef.sha256)!.data.toString('utf8')) : null;
    const shot = meta?.screenshot as { sha256: string; fullyVisible: boolean; rectDevice: { width: number; height: number } } | undefined;
    const png = shot ? sandbox.evidence(shot.sha256) : undefined;
    return { itemId: c.itemId, shot, inEvidence: Boolean(shot && c.submission.evidence.some((e) => e.sha256 === shot.sha256 && e.kind === 'screenshot')), png };
  });
}

/** Cases without a screenshot that shows their card (empty when every one has it). */
export const withoutCardShot = (sandbox: Sandbox) => cardShots(sandbox).filter((x) => !x.inEvidence || !x.shot?.fullyVisible || !x.png);
