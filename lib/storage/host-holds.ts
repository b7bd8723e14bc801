/** The host's "not before" per origin and sign-in: what lib/host/http/hold.ts keeps, and why. */
import { z } from 'zod/mini';
import { defineStoredItem } from '@/lib/storage/stored-item';

const holdSchema = z.object({
  /** Epoch ms before which the session's billing requests are not sent. */
  until: z.number(),
  /** The status that asked for the wait, repeated to whoever asks meanwhile. */
  status: z.number(),
});

export type Hold = z.infer<typeof holdSchema>;

/**
 * Origin → session (a digest of the token that was held, never the token) → its hold. Holds
 * that do not fit read as none: the next request asks the host, which may hold again.
 */
export const hostHoldsItem = defineStoredItem('session:hostHolds', {
  schema: z.record(z.string(), z.record(z.string(), holdSchema)),
  fallback: {},
});
