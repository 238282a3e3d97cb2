import { DEMO_TOKEN } from '../../../sandbox/demo.ts';
import { createSandbox, type Sandbox, type SandboxOptions } from '../../../sandbox/server.ts';
import { startFixtureServer, type Route } from './fixture-server.ts';
import { launch, prepareExtension, removeDir, type Browser } from './extension.ts';
import { seedSettings } from './flows.ts';

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

export interface StackOptions {
  routes: Route[];
  grantAllUrls?: boolean;
  sandbox?: SandboxOptions;
  /** Extra Chromium flags, e.g. `--lang=zh-CN` for the UI language. */
  args?: string[];
  /**
   * Connect the extension to the sandbox with the demo token before the test starts, the way
   * the options page would have (settings seeded directly). Leave it off where the options
   * page itself is under test.
   */
  connected?: boolean | { token: string };
}

/** The one way an end-to-end file starts what it runs against; `close()` it in afterAll/afterEach. */
export async function startStack(opts: StackOptions): Promise<Stack> {
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
  if (opts.connected) await seedSettings(stack.browser, sandbox.url, opts.connected === true ? DEMO_TOKEN : opts.connected.token);
  return stack;
}
