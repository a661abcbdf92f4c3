/** One schema step. `up` is SQL run inside the runner's transaction. */
export interface Migration {
  version: number;
  name: string;
  up: string;
}
