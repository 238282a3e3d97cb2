import { useEffect, useState } from 'preact/hooks';
import { ext, requestSiteOrigins, withdrawnSiteOrigins } from '../shared/browser.ts';
import { t } from '../shared/i18n.ts';

/** "*://*.taobao.com/*" → "taobao.com": what the user recognises of a match pattern. */
const siteName = (pattern: string) => pattern.replace(/^[^:]+:\/\/(\*\.)?/, '').replace(/\/.*$/, '');

/**
 * Firefox lets the user withdraw our marketplace host permissions; the Flag button then
 * never appears on those sites, with nothing on the page to say why. The popup is where
 * the user looks next (first use after the withdrawal), so it names the sites, says what
 * the access is for, and asks for it again on their click.
 */
export function SiteAccessBanner() {
  const [missing, setMissing] = useState<string[]>([]);
  const [denied, setDenied] = useState(false);
  useEffect(() => {
    let alive = true;
    const check = () => void withdrawnSiteOrigins().then((m) => alive && setMissing(m));
    check();
    ext.permissions?.onAdded?.addListener(check);
    ext.permissions?.onRemoved?.addListener(check);
    return () => {
      alive = false;
      ext.permissions?.onAdded?.removeListener(check);
      ext.permissions?.onRemoved?.removeListener(check);
    };
  }, []);
  if (!missing.length) return null;
  const sites = [...new Set(missing.map(siteName))].join(', ');
  // No await before the request: the browser asks only inside the user's click.
  const allow = () => {
    setDenied(false);
    void requestSiteOrigins(missing).then(async (ok) => {
      setDenied(!ok);
      setMissing(await withdrawnSiteOrigins());
    });
  };
  return (
    <div class="banner" role="alert" data-testid="site-access-withdrawn">
      <strong>{t('popup_site_access_title')}</strong>
      <p>{t('popup_site_access_reason', sites)}</p>
      <button type="button" class="secondary" data-testid="site-access-allow" onClick={allow}>
        {t('popup_site_access_allow')}
      </button>
      {denied && <p class="detail">{t('popup_site_access_denied')}</p>}
    </div>
  );
}
