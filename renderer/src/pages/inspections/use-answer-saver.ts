import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AnswerPatchInput, InspectionAnswer } from '../../../../electron/api';
import { call } from '../../api';

/** Save state of one item, shown beside it: nothing is ever kept unsaved without saying so. */
export type SaveState = { state: 'saving' } | { state: 'saved'; at: string } | { state: 'error'; message: string };

/** Longest time free text waits before it is saved (it is also saved at once on blur and on leaving). */
export const TEXT_DEBOUNCE_MS = 350;

type TextField =
  'note' | 'description' | 'locationBuilding' | 'locationFloor' | 'locationRoom' | 'locationText' | 'textValue';

function blankAnswer(itemKey: string): InspectionAnswer {
  return {
    itemKey,
    result: null,
    measurementValue: null,
    measurementUnit: null,
    countValue: null,
    textValue: null,
    note: null,
    locationBuilding: null,
    locationFloor: null,
    locationRoom: null,
    locationText: null,
    description: null,
    fixedOnSpot: false,
    updatedAt: '',
  };
}

/**
 * Local answers of the runner, each change sent to the service the moment it is made. Saves of one item are
 * chained so they reach the database in the order they were made; free text waits at most
 * {@link TEXT_DEBOUNCE_MS} and is flushed on blur, on leaving the page and when the window hides.
 */
export function useAnswerSaver(inspectionId: string, initial: InspectionAnswer[], enabled: boolean) {
  const [answers, setAnswers] = useState<Record<string, InspectionAnswer>>(() =>
    Object.fromEntries(initial.map((a) => [a.itemKey, a])),
  );
  const [states, setStates] = useState<Record<string, SaveState>>({});
  const chains = useRef(new Map<string, Promise<void>>());
  const timers = useRef(
    new Map<string, { timer: ReturnType<typeof setTimeout>; itemKey: string; patch: AnswerPatchInput }>(),
  );
  // The latest answers for callbacks that outlive a render (retry, flush on unmount).
  const answersRef = useRef(answers);
  useEffect(() => {
    answersRef.current = answers;
  }, [answers]);

  const send = useCallback(
    (itemKey: string, patch: AnswerPatchInput) => {
      if (!enabled) return;
      setStates((s) => ({ ...s, [itemKey]: { state: 'saving' } }));
      const previous = chains.current.get(itemKey) ?? Promise.resolve();
      const next = previous.then(async () => {
        try {
          const saved = await call('inspections:save-answer', { inspectionId, itemKey, ...patch });
          setStates((s) => ({ ...s, [itemKey]: { state: 'saved', at: saved.updatedAt } }));
        } catch (error) {
          setStates((s) => ({
            ...s,
            [itemKey]: { state: 'error', message: error instanceof Error ? error.message : String(error) },
          }));
        }
      });
      chains.current.set(itemKey, next);
    },
    [enabled, inspectionId],
  );

  const applyLocal = useCallback((itemKey: string, patch: Partial<InspectionAnswer>) => {
    setAnswers((all) => ({ ...all, [itemKey]: { ...(all[itemKey] ?? blankAnswer(itemKey)), ...patch } }));
  }, []);

  /** Flushes one pending text save now (on blur). */
  const flush = useCallback(
    (timerKey?: string) => {
      const keys = timerKey ? [timerKey] : [...timers.current.keys()];
      for (const key of keys) {
        const pending = timers.current.get(key);
        if (!pending) continue;
        clearTimeout(pending.timer);
        timers.current.delete(key);
        send(pending.itemKey, pending.patch);
      }
    },
    [send],
  );

  /** Saves a non-text change at once (result, measurement, count, 当场整改). */
  const save = useCallback(
    (itemKey: string, patch: Omit<AnswerPatchInput, TextField>) => {
      applyLocal(itemKey, patch as Partial<InspectionAnswer>);
      send(itemKey, patch);
    },
    [applyLocal, send],
  );

  /** Saves free text after a short pause in typing. */
  const saveText = useCallback(
    (itemKey: string, field: TextField, value: string) => {
      applyLocal(itemKey, { [field]: value === '' ? null : value });
      const timerKey = `${itemKey}:${field}`;
      const existing = timers.current.get(timerKey);
      if (existing) clearTimeout(existing.timer);
      setStates((s) => ({ ...s, [itemKey]: { state: 'saving' } }));
      const timer = setTimeout(() => flush(timerKey), TEXT_DEBOUNCE_MS);
      timers.current.set(timerKey, { timer, itemKey, patch: { [field]: value } });
    },
    [applyLocal, flush],
  );

  /** Sends the whole local answer of an item again (after a failed save). */
  const retry = useCallback(
    (itemKey: string) => {
      const a = answersRef.current[itemKey];
      if (!a) return;
      const { itemKey: _k, updatedAt: _u, measurementUnit: _m, ...patch } = a;
      send(itemKey, Object.fromEntries(Object.entries(patch).map(([k, v]) => [k, v ?? null])) as AnswerPatchInput);
    },
    [send],
  );

  // Nothing typed may stay behind: flush when the page is left and when the window is hidden or closed.
  useEffect(() => {
    const onHide = (): void => flush();
    window.addEventListener('pagehide', onHide);
    window.addEventListener('beforeunload', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('beforeunload', onHide);
      document.removeEventListener('visibilitychange', onHide);
      flush();
    };
  }, [flush]);

  const summary = useMemo(() => {
    const values = Object.values(states);
    return {
      saving: values.filter((s) => s.state === 'saving').length,
      failed: values.filter((s) => s.state === 'error').length,
    };
  }, [states]);

  /** Resolves once every save started so far has been answered (before the completion check). */
  const whenIdle = useCallback(async () => {
    flush();
    await Promise.all([...chains.current.values()]);
  }, [flush]);

  /** Replaces local answers with the service's (after an amendment or a reload). */
  const reset = useCallback(
    (next: InspectionAnswer[]) => setAnswers(Object.fromEntries(next.map((a) => [a.itemKey, a]))),
    [],
  );

  return { answers, states, save, saveText, flush, retry, summary, reset, whenIdle };
}
