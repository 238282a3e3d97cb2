// The service worker's entry: it only wires. Every listener is registered synchronously at
// the top level, because a listener added after an await misses the event that woke us.
import '../shared/zod.ts';
import { createRouter } from './router.ts';
import { handlers } from './handlers.ts';
import { ALARMS, ensureAlarms, kick, poll, startLivenessResponder } from './runtime.ts';
import { onCommand } from './commands.ts';
import { onInstalled } from './first-run.ts';
import { createMenus, onMenuClicked } from './context-menus.ts';
import { runStamps, STAMP_ALARM, stampThenSend } from './stamp/run.ts';
import { ext, onMessage } from '../shared/browser.ts';
import { dropAllSelections, dropSelection } from './selection-store.ts';
import { runAnswerCaptures } from './answer-capture.ts';
import { CAPTURE_ALARM, configureCaptures, onTabShown, resumeCaptures, runCaptures } from './capture/jobs-runner.ts';

onMessage(createRouter(handlers, ext.runtime.id, ext.runtime.getURL('')));

ext.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === ALARMS.poll) void poll();
  else if (alarm.name.startsWith(ALARMS.outbox)) void kick();
  else if (alarm.name === STAMP_ALARM) void runStamps();
  else if (alarm.name === CAPTURE_ALARM) void runCaptures();
});

// Screenshots see only the tab in front: a capture waiting for its tab goes on when it is
// shown (or closed: then what it has is stored, the gap said).
ext.tabs.onActivated.addListener(({ tabId }) => void onTabShown(tabId));
ext.tabs.onRemoved.addListener((tabId) => void onTabShown(tabId));
// A closed tab's selection goes with it; at browser start tab ids begin again.
ext.tabs.onRemoved.addListener((tabId) => void dropSelection(tabId).catch(() => undefined));
ext.runtime.onStartup.addListener(() => void dropAllSelections().catch(() => undefined));
// A tab that leaves the flagged page will never show it again: its waiting jobs end now,
// with the gap recorded, instead of waiting for the tab to come to the front.
ext.tabs.onUpdated.addListener((tabId, change) => {
  if (change.url) void onTabShown(tabId);
});
// Each captured step of a flag is stamped (when TSAs are set) and sent.
// Answers' fresh captures run in the capture runner's turn (the hash chain stays one line);
// each is stamped like a flag's and then sent.
configureCaptures({ onStored: () => void stampThenSend(() => kick()), alsoCapture: () => runAnswerCaptures(() => void stampThenSend(() => kick())) });

ext.runtime.onInstalled.addListener(() => void ensureAlarms());
ext.runtime.onInstalled.addListener((details) => void onInstalled(details));
ext.commands.onCommand.addListener((command, tab) => void onCommand(command, tab));
// The link menu persists across worker restarts once made; an install or update remakes it.
ext.runtime.onInstalled.addListener(() => void createMenus());
ext.contextMenus?.onClicked.addListener((info, tab) => void onMenuClicked(info, tab));
ext.runtime.onStartup.addListener(() => void ensureAlarms());
// Back online: one probe, and if the service answers what waited goes now, not after its backoff.
self.addEventListener('online', () => {
  void kick({ probe: true });
  void runStamps({ now: true });
});

// Any wake (install, update, browser start, an event): make sure alarms exist, ask for
// persistent storage so queued evidence is not evicted, and send whatever is waiting.
startLivenessResponder();
void ensureAlarms();
void navigator.storage?.persist?.().catch(() => false);
void kick();
void runStamps();
void resumeCaptures(); // answers' fresh captures too (alsoCapture)
