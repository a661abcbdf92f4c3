import { z } from 'zod';
import { channels, type ChannelName } from '../../src-shared/contract';
import { CONTRACT_REFUSAL, fail, ok, type Result } from '../../src-shared/result';
import { AppError } from '../core/app-error';
import { boundedSafeParse } from './bounded-parse';
import type { ApiContext, Handler } from './handler';
import { handlers } from './handlers';

/** Outputs are checked against the contract in tests, where a drift must fail loudly; not at 100,000 rows in use. */
const checkOutputs = process.env.LORA_TAGGER_CHECK_OUTPUT === '1';

const isChannel = (name: string): name is ChannelName => Object.prototype.hasOwnProperty.call(channels, name);

/** Unknown keys are refused, not stripped: a payload smuggling a `path` next to an id is an error. */
const strictInputs = new Map<ChannelName, z.ZodType>();
function strictInput(name: ChannelName): z.ZodType {
  let schema = strictInputs.get(name);
  if (!schema) {
    const input = channels[name].input as z.ZodType;
    schema = input instanceof z.ZodObject ? input.strict() : input;
    strictInputs.set(name, schema);
  }
  return schema;
}

/**
 * The single entry for every transport: untrusted channel name and payload in,
 * a Result out. Nothing thrown crosses this line.
 */
export async function dispatch(channel: string, payload: unknown, ctx: ApiContext): Promise<Result<unknown>> {
  if (typeof channel !== 'string' || !isChannel(channel)) {
    return fail('invalid-input', `Unknown channel: ${String(channel).slice(0, 100)}`, CONTRACT_REFUSAL);
  }
  const spec = channels[channel];
  const parsed = boundedSafeParse(strictInput(channel), payload === undefined ? {} : payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    return fail('invalid-input', `Invalid ${channel} request${where}: ${issue?.message ?? 'malformed'}`, CONTRACT_REFUSAL);
  }
  try {
    const handler = handlers[channel] as Handler<ChannelName>;
    const value = await handler(parsed.data as never, ctx);
    if (checkOutputs) {
      const out = spec.output.safeParse(value);
      if (!out.success) return fail('internal', `${channel} returned a value outside the contract: ${out.error.message}`);
    }
    return ok(value);
  } catch (err) {
    if (err instanceof AppError) return { ok: false, error: err.toData() };
    console.error(`[${channel}]`, err);
    return fail('internal', `${channel} failed: ${(err as Error)?.message ?? String(err)}`);
  }
}
