import { z } from 'zod';

/**
 * The browser transport: one WebSocket at `/ws` carries invokes, results and
 * events as JSON; images are plain GETs at `/image/<id>/<kind>`. Both are
 * authenticated by the session cookie the server sets in exchange for the
 * token in the URL `lora-tagger serve` prints (`?token=…`).
 */
export const clientMessageSchema = z.object({
  type: z.literal('invoke'),
  id: z.number().int(),
  channel: z.string().max(100),
  payload: z.unknown(),
});
export type ClientMessage = z.infer<typeof clientMessageSchema>;

export type ServerMessage =
  | { type: 'result'; id: number; result: unknown }
  | { type: 'event'; event: string; payload: unknown };

export const TOKEN_PARAM = 'token';
