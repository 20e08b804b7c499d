import { useEffect, useRef } from 'react';
import { clock } from '../../../../src/platform/time/clock.ts';

const ACTIVITY_EVENTS = ['mousemove', 'mousedown', 'keydown', 'touchstart', 'wheel', 'scroll', 'pointerdown'] as const;
const CHECK_EVERY_MS = 5_000;

/**
 * Calls `onIdle` once after `minutes` without mouse, keyboard or touch activity.
 * Compares wall-clock time on a short interval, so a throttled background tab still locks on time.
 * `minutes <= 0` disables it.
 */
export function useIdleLock(minutes: number, onIdle: () => void | Promise<void>): void {
  const onIdleRef = useRef(onIdle);
  useEffect(() => {
    onIdleRef.current = onIdle;
  }, [onIdle]);

  useEffect(() => {
    if (!(minutes > 0)) return;
    const limitMs = minutes * 60_000;
    let lastActivity = clock.nowMs();
    let fired = false;
    const markActive = () => {
      lastActivity = clock.nowMs();
    };
    for (const event of ACTIVITY_EVENTS) window.addEventListener(event, markActive, { passive: true, capture: true });
    const timer = window.setInterval(
      () => {
        if (!fired && clock.nowMs() - lastActivity >= limitMs) {
          fired = true;
          void onIdleRef.current();
        }
      },
      Math.min(CHECK_EVERY_MS, limitMs),
    );
    return () => {
      window.clearInterval(timer);
      for (const event of ACTIVITY_EVENTS) window.removeEventListener(event, markActive, { capture: true });
    };
  }, [minutes]);
}
