/**
 * Runs `task` once the next frame has been painted: work a page's first paint does not need (a
 * message to the background, storage listeners, a component loaded on demand) waits until the
 * figures are on screen instead of running between them and the screen. A frame's callbacks run
 * before it is painted, so the task goes in a task queued from there. A page that paints no
 * frame (a hidden one, or a test's DOM) runs it after a short wait all the same. Returns the way
 * to cancel it.
 */
const UNPAINTED_WAIT_MS = 100;

export function afterNextPaint(task: () => void): () => void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    task();
  };
  const frame = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(() => setTimeout(run, 0)) : undefined;
  const timer = setTimeout(run, UNPAINTED_WAIT_MS);
  return () => {
    done = true;
    clearTimeout(timer);
    if (frame !== undefined) cancelAnimationFrame(frame);
  };
}
