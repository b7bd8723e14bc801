/** The human message inside a FastAPI error body. */
import { clip } from './result';
import { ErrorBodySchema, ValidationItemSchema } from './schemas';

/**
 * `{detail: "..."}` → the detail; a 422 `{detail: [{msg, loc, type}]}` → the first `msg`;
 * `{detail: {message}}` → that message. Capped at 200 characters; null when there is none.
 */
export function parseErrorDetail(json: unknown): string | null {
  try {
    const parsed = ErrorBodySchema.safeParse(json);
    if (!parsed.success) return null;
    const { detail } = parsed.data;
    let text: string | null = null;
    if (typeof detail === 'string') {
      text = detail;
    } else if (Array.isArray(detail)) {
      for (const item of detail.slice(0, 50)) {
        const entry = ValidationItemSchema.safeParse(item);
        if (entry.success) {
          text = entry.data.msg;
          break;
        }
      }
    } else if (typeof detail.message === 'string') {
      text = detail.message;
    } else if (typeof detail.msg === 'string') {
      text = detail.msg;
    }
    if (text === null) return null;
    const trimmed = clip(text.trim());
    return trimmed.length > 0 ? trimmed : null;
  } catch {
    return null;
  }
}
