import { BACKEND_PRESETS } from '../../core/captioner/backend-presets';
import { BackendRegistry } from '../../core/captioner/backend-registry';
import { vlmClient } from '../../core/captioner/vlm-client';
import { isVlmError } from '../../core/captioner/vlm-error';
import { AppError } from '../../core/app-error';
import type { ApiContext, Handler } from '../handler';

const registry = ({ platform, secrets }: ApiContext) => new BackendRegistry(platform.userDataDir, secrets);

export const captionerBackends: Handler<'captioner.backends'> = async (_args, ctx) => ({
  backends: await registry(ctx).list(),
  presets: BACKEND_PRESETS.map((p) => ({ ...p })),
});

export const captionerSaveBackend: Handler<'captioner.saveBackend'> = (args, ctx) => registry(ctx).save(args);

export const captionerRemoveBackend: Handler<'captioner.removeBackend'> = async ({ id }, ctx) => {
  await registry(ctx).remove(id);
  return {};
};

export const captionerModels: Handler<'captioner.models'> = async ({ backendId }, ctx) => {
  try {
    return { models: await vlmClient(await registry(ctx).endpoint(backendId)).models() };
  } catch (err) {
    if (isVlmError(err)) throw new AppError('io', err.message);
    throw err;
  }
};

export const captionerTest: Handler<'captioner.test'> = async ({ backendId }, ctx) => {
  const endpoint = await registry(ctx).endpoint(backendId);
  try {
    const models = await vlmClient(endpoint).models();
    return { ok: true, message: `${endpoint.name} answers with ${models.length} model${models.length === 1 ? '' : 's'}`, models: models.length };
  } catch (err) {
    if (!isVlmError(err)) throw err;
    return { ok: false, message: err.message, models: 0 };
  }
};
