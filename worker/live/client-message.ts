import { liveClientMessages, liveClientTypes, maxClientFrameChars, type LiveClientMessage, type LiveClientType } from "../../schema/live";

/** A valid client message, or why the frame was refused. */
export type Parsed = { type: LiveClientType; value: LiveClientMessage } | { error: string; message: string };

/** Parse and validate a client frame; unknown and malformed frames are described, never thrown. */
export function parseClientMessage(data: string | ArrayBuffer): Parsed {
  if (typeof data !== "string") return { error: "binary", message: "Send JSON text frames." };
  if (data.length > maxClientFrameChars) return { error: "too_long", message: `Frames are limited to ${maxClientFrameChars} characters.` };
  let raw: unknown;
  try {
    raw = JSON.parse(data);
  } catch {
    return { error: "bad_json", message: "This frame is not JSON." };
  }
  const type = (raw as { type?: unknown } | null)?.type;
  if (!liveClientTypes.includes(type as LiveClientType)) return { error: "unknown_type", message: `Unknown message type: ${JSON.stringify(type ?? null).slice(0, 40)}.` };
  const result = liveClientMessages[type as LiveClientType].safeParse(raw);
  if (!result.success) return { error: "invalid", message: result.error.issues.map((i) => `${i.path.join(".") || type}: ${i.message}`).join("; ") };
  return { type: type as LiveClientType, value: result.data as LiveClientMessage };
}
