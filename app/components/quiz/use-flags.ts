import { useCallback, useEffect, useState } from "react";

// Flags ("ทำเครื่องหมายไว้ทบทวน") are a reading aid, not an answer: they live in this tab's sessionStorage,
// survive a reload, and never reach the server or the score.
const key = (attemptId: number) => `sujarit:attempt-flags:${attemptId}`;

export function readFlags(attemptId: number): Set<number> {
  try {
    const raw = JSON.parse(window.sessionStorage.getItem(key(attemptId)) ?? "[]");
    return new Set(Array.isArray(raw) ? raw.filter((n): n is number => Number.isInteger(n)) : []);
  } catch {
    return new Set();
  }
}

export function useFlags(attemptId: number) {
  const [flags, setFlags] = useState<Set<number>>(() => new Set());
  const [ready, setReady] = useState(false);
  useEffect(() => {
    setFlags(readFlags(attemptId));
    setReady(true);
  }, [attemptId]);
  const toggle = useCallback(
    (position: number) => {
      setFlags((current) => {
        const next = new Set(current);
        if (next.has(position)) next.delete(position);
        else next.add(position);
        try {
          window.sessionStorage.setItem(key(attemptId), JSON.stringify([...next]));
        } catch {
          // private mode without storage: flags last until the page closes
        }
        return next;
      });
    },
    [attemptId],
  );
  return { flags, toggle, ready };
}
