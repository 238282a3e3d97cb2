import { createSandbox, type Sandbox, type SandboxOptions } from '../../../sandbox/server.ts';
import { startFixtureServer, type Route } from './fixture-server.ts';
import { launch, prepareExtension, removeDir, type Browser } from './extension.ts';

/** Everything an end-to-end test runs against: the sandbox API, the saved pages, Chromium with dist/. */
export interface Stack {
  sandbox: Sandbox;
  fixturePort: number;
  extensionDir: string;
  browser: Browser;
  /** Closes the browser and starts it again on the same profile (a browser restart). */
  restartBrowser(): Promise<Browser>;
  close(): Promise<void>;
}

/** `args`: extra Chromium flags, e.g. `--lang=zh-CN` for the UI language. */
export async function startStack(opts: { routes: Route[]; grantAllUrls?: boolean; sandbox?: SandboxOptions; args?: string[] }): Promise<Stack> {
  const sandbox = await createSandbox({ testControls: true, ...opts.sandbox });
  const fixtures = await startFixtureServer(opts.routes);
  const extensionDir = await prepareExtension({ grantAllUrls: opts.grantAllUrls ?? true });
  const stack: Stack = {
    sandbox,
    fixturePort: fixtures.port,
    extensionDir,
    browser: await launch({ extensionDir, fixturePort: fixtures.port, args: opts.args }),
    async restartBrowser() {
      const profile = stack.browser.userDataDir;
      await stack.browser.close();
      stack.browser = await launch({ extensionDir, fixturePort: fixtures.port, userDataDir: profile, args: opts.args });
      return stack.browser;
    },
    async close() {
      await stack.browser.close().catch(() => undefined);
      await Promise.allSettled([sandbox.close(), fixtures.close()]);
      await removeDir(extensionDir);
      await removeDir(stack.browser.userDataDir);
    },
  };
  return stack;
}
