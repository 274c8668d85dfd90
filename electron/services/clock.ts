/** The time source services use, injected so tests and demo data can fix it. */
export type Clock = () => Date;

/** The real clock. */
export const systemClock: Clock = () => new Date();

/**
 * A deterministic clock for tests and demo data: starts at `start`, moves `tickMs` after each reading (so
 * records made one after another keep their order) and jumps only when told.
 */
export function createFixedClock(
  start: Date,
  tickMs = 0,
): Clock & { advance: (ms: number) => void; set: (d: Date) => void } {
  let now = start.getTime();
  const clock = (() => {
    const reading = new Date(now);
    now += tickMs;
    return reading;
  }) as Clock & { advance: (ms: number) => void; set: (d: Date) => void };
  clock.advance = (ms: number) => {
    now += ms;
  };
  clock.set = (d: Date) => {
    now = d.getTime();
  };
  return clock;
}
