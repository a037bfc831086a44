/**
 * Shares one run of a read among the callers that ask while it is in flight, without ever
 * answering a caller with a read that started before it asked: a caller arriving while run A is
 * under way waits for run B, which starts when A ends and serves everyone who arrived during A.
 * Under load this turns "one query per request" into "one query per query time" (e.g. the
 * ledger's revision, read for every GET), and each answer is still at least as new as the request.
 */
export function coalesce<T>(fn: () => Promise<T>): () => Promise<T> {
  let current: Promise<T> | null = null;
  let queued: Promise<T> | null = null;
  const start = (): Promise<T> => {
    const p = fn();
    current = p;
    const clear = () => {
      if (current === p) current = null;
    };
    p.then(clear, clear);
    return p;
  };
  return () => {
    if (!current) return start();
    if (!queued) {
      const after = current;
      queued = after
        .then(
          () => undefined,
          () => undefined,
        )
        .then(() => {
          queued = null;
          return start();
        });
    }
    return queued;
  };
}
