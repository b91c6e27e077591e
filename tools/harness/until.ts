const CONDITION_POLL_MS = 50;

/**
 * Resolves once `condition` holds (checked every 50 ms), for bundle tests that act on what the
 * emulator has seen; the bound is generous, a guard against a hang, never a timing.
 */
export async function until(condition: () => boolean, boundMs = 60_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > boundMs) throw new Error('condition never held');
    await new Promise((resolve) => setTimeout(resolve, CONDITION_POLL_MS));
  }
}
