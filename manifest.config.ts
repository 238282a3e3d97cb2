import { defineManifest } from '@crxjs/vite-plugin';
import pkg from './package.json' with { type: 'json' };

// Marketplace hosts, one list per site: the content script of a site runs only there,
// and these are the only host permissions we hold. `*://` so that the end-to-end tests'
// plain-http fixture server (real hostnames mapped to loopback) is matched too.
export const SITE_MATCHES = {
  taobao: ['*://item.taobao.com/*', '*://s.taobao.com/*', '*://world.taobao.com/*', '*://*.taobao.com/*'],
  tmall: ['*://detail.tmall.com/*', '*://list.tmall.com/*', '*://*.tmall.com/*', '*://detail.tmall.hk/*'],
  lazada: [
    '*://www.lazada.com.my/*',
    '*://www.lazada.sg/*',
    '*://www.lazada.co.th/*',
    '*://www.lazada.com.ph/*',
    '*://www.lazada.co.id/*',
    '*://www.lazada.vn/*',
  ],
  aliexpress: ['*://www.aliexpress.com/*', '*://*.aliexpress.com/*', '*://aliexpress.us/*', '*://www.aliexpress.us/*'],
  alibaba1688: ['*://detail.1688.com/*', '*://s.1688.com/*', '*://m.1688.com/*'],
} as const;

const allHosts = Object.values(SITE_MATCHES).flat();

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
  // activeTab: the keyboard command grants a capture of that one tab without <all_urls>.
  permissions: ['storage', 'unlimitedStorage', 'alarms', 'notifications', 'pageCapture', 'activeTab'],
  host_permissions: allHosts,
  // Chrome captures a screenshot only with <all_urls> (or an activeTab grant): the options
  // page asks for it, with the reason, instead of the extension demanding it at install.
  optional_host_permissions: ['<all_urls>'],
  commands: {
    'flag-listing': { suggested_key: { default: 'Alt+Shift+F' }, description: '__MSG_command_flag__' },
  },
  content_scripts: [
    { matches: [...SITE_MATCHES.taobao], js: ['src/content/entries/taobao.ts'], run_at: 'document_idle' },
    { matches: [...SITE_MATCHES.tmall], js: ['src/content/entries/tmall.ts'], run_at: 'document_idle' },
    { matches: [...SITE_MATCHES.lazada], js: ['src/content/entries/lazada.ts'], run_at: 'document_idle' },
    { matches: [...SITE_MATCHES.aliexpress], js: ['src/content/entries/aliexpress.ts'], run_at: 'document_idle' },
    { matches: [...SITE_MATCHES.alibaba1688], js: ['src/content/entries/alibaba1688.ts'], run_at: 'document_idle' },
  ],
});
