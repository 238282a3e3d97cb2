import { describe, expect, it } from 'vitest';
import chromeManifest from '../../manifest.config.ts';
import firefox, { GECKO_ID } from '../../manifest.firefox.ts';

type M = Record<string, any>;
const ff = firefox as unknown as M;
const cr = chromeManifest as unknown as M;

describe('the Firefox manifest', () => {
  it('has an event page instead of the service worker Firefox disables', () => {
    expect(ff.background).toEqual({ scripts: ['src/background/index.ts'], type: 'module' });
    expect(ff.background.service_worker).toBeUndefined();
    expect(ff.minimum_chrome_version).toBeUndefined();
  });

  it('names its add-on id, a minimum Firefox and what it sends away', () => {
    expect(ff.browser_specific_settings.gecko).toMatchObject({ id: GECKO_ID, strict_min_version: '140.0' });
    expect(GECKO_ID).toMatch(/^[a-zA-Z0-9-._]+@[a-zA-Z0-9-._]+$/);
    expect(ff.browser_specific_settings.gecko.data_collection_permissions.required).toEqual(['browsingActivity', 'websiteContent']);
  });

  it('asks for no permission Firefox lacks, and otherwise exactly what the Chrome build asks', () => {
    expect(ff.permissions).not.toContain('pageCapture');
    expect(ff.permissions).toEqual(cr.permissions.filter((p: string) => p !== 'pageCapture'));
    expect(ff.host_permissions).toEqual(cr.host_permissions);
    expect(ff.optional_host_permissions).toEqual(cr.optional_host_permissions);
    expect(ff.content_scripts).toEqual(cr.content_scripts);
    expect(ff.commands).toEqual(cr.commands);
  });
});
