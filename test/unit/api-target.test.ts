import { describe, expect, it } from 'vitest';
import { apiTarget } from '../e2e/harness/api-target.ts';

describe('the e2e API target', () => {
  it('is the sandbox unless both variables name another service', () => {
    expect(apiTarget({})).toEqual({ external: false });
    expect(apiTarget({ TDF_E2E_API_URL: 'https://intake.alliance.example/', TDF_E2E_API_TOKEN: 't0ken' })).toEqual({ external: true, url: 'https://intake.alliance.example', token: 't0ken' });
  });

  it('refuses half a configuration and plain http off loopback, saying what to set', () => {
    expect(() => apiTarget({ TDF_E2E_API_URL: 'https://intake.alliance.example' })).toThrow(/TDF_E2E_API_TOKEN/);
    expect(() => apiTarget({ TDF_E2E_API_URL: 'http://intake.alliance.example', TDF_E2E_API_TOKEN: 't' })).toThrow(/https/);
    expect(apiTarget({ TDF_E2E_API_URL: 'http://127.0.0.1:8787', TDF_E2E_API_TOKEN: 't' }).external).toBe(true);
  });
});
