// Opt-in: TEST_CLOCK=<ISO time> runs the unit tests as if the machine's clock read that time
// (it keeps running from there), so a test that depends on the day or hour it runs on shows
// up on any day: `TEST_CLOCK=2026-12-05T10:00:00Z TZ=Asia/Shanghai npx vitest run`.
// Tests that fake timers themselves (vi.useFakeTimers / setSystemTime) replace this Date.
const start = process.env.TEST_CLOCK;
if (start) {
  const target = Date.parse(start);
  if (Number.isNaN(target)) throw new Error(`TEST_CLOCK is not a time: ${start}`);
  const RealDate = Date;
  const offset = target - RealDate.now();
  class ShiftedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...(args as [string]));
    }
    static override now(): number {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = ShiftedDate as DateConstructor;
}
