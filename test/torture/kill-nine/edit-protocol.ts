/** The edit host's first message: every image and its caption text, as the api shows it after opening. */
export interface HostReady {
  captions: { id: number; name: string; text: string }[];
}

/** One caption edit, answered once the api has acknowledged it. */
export interface EditRequest {
  seq: number;
  id: number;
  text: string;
}

export type EditReply = { seq: number; ok: true } | { seq: number; ok: false; message: string };
