/** The host's "not before" per origin: what lib/host/http/hold.ts keeps, and why. */
import { z } from 'zod/mini';
import { defineStoredItem } from '@/lib/storage/stored-item';

const holdSchema = z.object({
  /** Epoch ms before which nothing is sent to the origin. */
  until: z.number(),
  /** The status that asked for the wait, repeated to whoever asks meanwhile. */
  status: z.number(),
});

export type Hold = z.infer<typeof holdSchema>;

/** Holds that do not fit read as none: the next request asks the host, which may hold again. */
export const hostHoldsItem = defineStoredItem('session:hostHolds', {
  schema: z.record(z.string(), holdSchema),
  fallback: {},
});
