import fc from 'fast-check';
import { z } from 'zod';
import { channels, type ChannelName } from '../../../src-shared/contract';
import { hostileNumber, hostileValue, pathStrings, type Places } from './hostile-values';

/**
 * Payloads for one channel, made from its own zod schema (as JSON Schema):
 * most are the right shape with a hostile value somewhere inside, so they
 * reach the handler and not only the parser; the rest are hostile as a
 * whole. Field names steer the plausible values: a `path` gets path-like
 * strings aimed at the canary, an `id` the dataset's ids and impossible ones.
 */
export interface PayloadContext extends Places {
  /** ids the open dataset has: a payload naming one reaches the files */
  ids: readonly number[];
}

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
}

const schemaOf = (channel: ChannelName): JsonSchema =>
  z.toJSONSchema(channels[channel].input as z.ZodType, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

/** keys a payload may smuggle beside the real ones: refused by the strict parse, never acted on */
const SMUGGLED_KEYS = ['__proto__', 'constructor', 'prototype', 'path', 'file', 'dir', 'relPath', 'datasetDir'];

function plausibleString(key: string, schema: JsonSchema, ctx: PayloadContext): fc.Arbitrary<string> {
  if (/path|dir|source|folder/i.test(key)) return fc.oneof(pathStrings(ctx), fc.string({ minLength: 1, maxLength: 40 }));
  if (/query|find|text|trigger/i.test(key)) {
    return fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom('one', 'tag:one', 'status:skip', '(a+)+$', '.*', 'one OR two', '\\'));
  }
  const maxLength = Math.min(schema.maxLength ?? 60, 60);
  const minLength = Math.min(schema.minLength ?? 0, maxLength);
  return fc.oneof(
    fc.string({ minLength, maxLength }),
    fc.constantFrom('one', 'two', 'three', 'dataset', 'output', 'img', '#ffffff', 'new tag'),
  );
}

function plausibleInteger(key: string, schema: JsonSchema, ctx: PayloadContext): fc.Arbitrary<number> {
  if (/id$/i.test(key) || key === 'ids') return fc.oneof(fc.constantFrom(...ctx.ids), fc.nat({ max: 1000 }), hostileNumber);
  const min = Math.max(schema.minimum ?? -1000, -1e6);
  const max = Math.min(schema.maximum ?? 1000, 1e6);
  return fc.oneof(fc.integer({ min, max: Math.max(min, max) }), fc.constantFrom(min, max));
}

/** an arbitrary for a JSON Schema node; `hostileWeight` of every 10 nodes is swapped for a hostile value */
function fromSchema(schema: JsonSchema, key: string, ctx: PayloadContext, hostileWeight: number): fc.Arbitrary<unknown> {
  const plausible = plausibleFromSchema(schema, key, ctx, hostileWeight);
  if (hostileWeight === 0) return plausible;
  return fc.oneof({ weight: 10 - hostileWeight, arbitrary: plausible }, { weight: hostileWeight, arbitrary: hostileValue(ctx) });
}

function plausibleFromSchema(schema: JsonSchema, key: string, ctx: PayloadContext, hostileWeight: number): fc.Arbitrary<unknown> {
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants?.length) return fc.oneof(...variants.map((v) => fromSchema(v, key, ctx, hostileWeight)));
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return plausibleString(key, schema, ctx);
    case 'integer':
      return plausibleInteger(key, schema, ctx);
    case 'number':
      return fc.double({ noNaN: true, min: -1e6, max: 1e6 });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const item = fromSchema(schema.items ?? {}, key, ctx, hostileWeight);
      const minLength = Math.min(schema.minItems ?? 0, 5);
      return fc.array(item, { minLength, maxLength: Math.max(minLength, Math.min(schema.maxItems ?? 8, 8)) });
    }
    case 'object': {
      const props = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, sub] of Object.entries(props)) model[name] = fromSchema(sub, name, ctx, hostileWeight);
      const requiredKeys = Object.keys(props).filter((k) => required.has(k));
      const base = fc.record(model, { requiredKeys });
      if (hostileWeight === 0) return base;
      // now and then a smuggled key beside the real ones, set as JSON.parse sets it (an own `__proto__`)
      return fc.tuple(base, fc.option(fc.tuple(fc.constantFrom(...SMUGGLED_KEYS), hostileValue(ctx)), { freq: 8 })).map(([obj, extra]) => {
        if (!extra) return obj;
        Object.defineProperty(obj, extra[0], { value: extra[1], enumerable: true, writable: true, configurable: true });
        return obj;
      });
    }
    default:
      return hostileValue(ctx);
  }
}

/** valid payloads only: the driver uses them to reach states (a conflict, a batch to undo) worth attacking */
export const validPayload = (channel: ChannelName, ctx: PayloadContext): fc.Arbitrary<unknown> => fromSchema(schemaOf(channel), '', ctx, 0);

export function channelPayloads(channel: ChannelName, ctx: PayloadContext): fc.Arbitrary<unknown> {
  const schema = schemaOf(channel);
  return fc.oneof(
    { weight: 6, arbitrary: fromSchema(schema, '', ctx, 2) },
    { weight: 2, arbitrary: fromSchema(schema, '', ctx, 0) },
    { weight: 2, arbitrary: hostileValue(ctx) },
  );
}
