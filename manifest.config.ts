import { defineManifest } from '@crxjs/vite-plugin';
import pkg from './package.json' with { type: 'json' };
import type { SiteDefinition } from './src/sites/adapter.ts';
import { sites } from './src/sites/definitions.ts';

// One content script per site, on that site's match patterns only; the host permissions are
// exactly those patterns. Both come from the sites' pure definitions (src/sites/*/site.ts).
const allHosts = [...new Set(sites.flatMap((s) => s.matches))];
const ENTRY: Record<SiteDefinition['id'], string> = {
  taobao: 'src/content/entries/taobao.ts',
  tmall: 'src/content/entries/tmall.ts',
  lazada: 'src/content/entries/lazada.ts',
  aliexpress: 'src/content/entries/aliexpress.ts',
  '1688': 'src/content/entries/alibaba1688.ts',
};

export default defineManifest({
  manifest_version: 3,
  name: '__MSG_extName__',
  short_name: '__MSG_extShortName__',
  description: '__MSG_extDescription__',
  version: pkg.version,
  default_locale: 'en',
  minimum_chrome_version: '116',
  icons: { 16: 'icons/icon-16.png', 32: 'icons/icon-32.png', 48: 'icons/icon-48.png', 128: 'icons/icon-128.png' },
  action: {
    default_popup: 'src/popup/index.html',
    default_title: '__MSG_actionTitle__',
    default_icon: { 16: 'icons/icon-16.png', 32: 'icons/icon-32.png' },
  },
  options_ui: { page: 'src/options/index.html', open_in_tab: true },
  background: { service_worker: 'src/background/index.ts', type: 'module' },
  // activeTab: a keyboard command or the link menu grants a capture of that one tab without
  // <all_urls>. contextMenus: "Flag this listing" and "Add to selection" on links to listings.
  permissions: ['unlimitedStorage', 'alarms', 'notifications', 'pageCapture', 'activeTab', 'contextMenus'],
  host_permissions: allHosts,
  // Chrome captures a screenshot only with <all_urls> (or an activeTab grant): the options
  // page asks for it, with the reason, instead of the extension demanding it at install.
  optional_host_permissions: ['<all_urls>'],
  commands: {
    'flag-listing': { suggested_key: { default: 'Alt+Shift+F' }, description: '__MSG_command_flag__' },
    'toggle-selection': { suggested_key: { default: 'Alt+Shift+S' }, description: '__MSG_command_toggle_selection__' },
    'flag-selection': { suggested_key: { default: 'Alt+Shift+G' }, description: '__MSG_command_flag_selection__' },
  },
  content_scripts: sites.map((s) => ({ matches: [...s.matches], js: [ENTRY[s.id]], run_at: 'document_idle' as const })),
});
