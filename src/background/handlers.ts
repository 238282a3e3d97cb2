import type { Sender } from '../shared/browser.ts';
import { getSettings, setPause } from '../shared/db/kv.ts';
import type { Handlers } from './router.ts';
import { flag } from './flag.ts';
import { lookup } from './annotate.ts';
import { pageStrings } from './page-strings.ts';
import { kick, poll } from './runtime.ts';
import { discard, resend, withdraw } from './manage.ts';
import { runStamps } from './stamp/run.ts';
import { retryStamp } from './stamp/stamper.ts';
import { t } from '../shared/i18n.ts';
import { queueAnswer } from './answers.ts';
import { projectBatch } from '../shared/good-faith.ts';
import { listRequests } from '../shared/db/requests.ts';
import { Reason } from '../shared/model.ts';
import { armAnswerWake } from './answer-capture.ts';
import { runCaptures, stopAllCaptures, stopCapture } from './capture/jobs-runner.ts';
import { captureProgress } from './capture/job-progress.ts';
import { recapture } from './recapture.ts';
import { shortcuts } from './shortcuts.ts';
import { browserKind, openShortcutSettings } from '../shared/browser.ts';
import { getSelection, setSelection } from './selection-store.ts';

function tabOf(sender: Sender) {
  const tab = sender.tab;
  if (!tab?.id || tab.windowId === undefined || !tab.url) throw new Error('Refused: no tab.');
  return { id: tab.id, windowId: tab.windowId, url: tab.url, title: tab.title ?? '' };
}

export const handlers: Handlers = {
  // Page URL and tab come from the browser (sender.tab), never from the message body.
  flag: async (payload, sender) => {
    const answer = await flag(payload, { tab: tabOf(sender), now: () => new Date(), newId: () => crypto.randomUUID() });
    // Answered as soon as the requests are stored; their evidence is captured after, and
    // each captured step is stamped and sent (configureCaptures in index.ts).
    if (answer.ok && answer.jobId) void runCaptures();
    return answer;
  },
  // A content script hears only about its own tab's flags.
  captureProgress: (payload, sender) => captureProgress(payload.jobId, sender.tab?.id ?? null),
  stopCapture: (payload, sender) => stopCapture(payload.jobId, sender.tab?.id ?? null),
  stopCaptures: () => stopAllCaptures(),
  recaptureRequest: (payload) => recapture(payload, new Date()),
  retryStamp: async (payload) => {
    const done = await retryStamp(payload.manifestSha256, Date.now());
    if (!done.ok) return { ok: false as const, error: { code: done.code, message: t(done.code === 'already_stamped' ? 'stamp_error_already_stamped' : 'stamp_error_not_found') } };
    void runStamps();
    return { ok: true as const };
  },
  lookup: (payload) => lookup(payload),
  pageStrings: async () => ({ strings: await pageStrings() }),
  selectionGet: async (_payload, sender) => {
    const items = await getSelection(tabOf(sender));
    return { listings: items.map((i) => i.listing), again: items.filter((i) => i.again).map((i) => i.listing.itemId) };
  },
  selectionSet: (payload, sender) => setSelection(tabOf(sender), payload.listings, new Date(), payload.again),
  flagContext: async (payload) => {
    const s = await getSettings();
    const warnings: Record<string, { kind: 'success' | 'counter_notices'; rate: number }[]> = {};
    if (payload.count) {
      const history = await listRequests();
      for (const reason of Reason.options) {
        const w = projectBatch(history, reason, payload.count, new Date());
        if (w.length) warnings[reason] = w;
      }
    }
    return {
      configured: Boolean(s.baseUrl && s.token),
      ipRights: s.me?.ipRights ?? [],
      defaultIpRightId: s.defaultIpRightId,
      defaultReason: s.defaultReason,
      warnings,
    };
  },

  shortcuts: async () => ({ commands: await shortcuts(), browser: browserKind() }),
  openShortcutSettings: async () => ({ opened: await openShortcutSettings().catch(() => false) }),
  refreshCases: async () => {
    void poll();
    return { ok: true as const };
  },
  sendNow: async () => {
    void kick({ now: true });
    void runStamps({ now: true });
    return { ok: true as const };
  },
  settingsChanged: async () => {
    // New settings may fix what paused the queue (a refused token): try again at once.
    await setPause(null);
    void kick().then(poll);
    // A TSA may just have been added or fixed.
    void runStamps({ now: true });
    return { ok: true as const };
  },
  resendRequest: async (payload) => {
    const answer = await resend(payload, new Date());
    if (answer.ok) void kick();
    return answer;
  },
  discardRequest: (payload) => discard(payload),
  withdrawCase: (payload) => withdraw(payload, new Date()),
  respondToCase: async (payload) => {
    const answer = await queueAnswer(payload, { now: () => new Date(), newId: () => crypto.randomUUID() });
    if (!answer.ok) return answer;
    // Stored: from here a stopped worker is woken to capture and send it.
    await armAnswerWake();
    // The fresh capture runs in the capture runner's turn (alsoCapture), then it is sent.
    if (payload.attachPage) void runCaptures();
    else void kick();
    return answer;
  },
};
