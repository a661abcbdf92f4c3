import type { z } from 'zod';
import { appChannels } from './app';
import { autotagChannels } from './autotag';
import { captionerChannels } from './captioner';
import { captionChannels } from './captions';
import { editingChannels } from './editing';
import { exportChannels } from './export';
import { imageChannels } from './images';
import { sessionChannels } from './session';
import { tagChannels } from './tags';
import { taggerModelChannels } from './tagger-models';

export * from './events';
export * from './export';
export * from './editing';
export * from './batch-ops';
export * from './models';
export * from './tagger-models';
export * from './captioner';
export { IMAGE_LIST_PAGE } from './images';

/** Every request channel of the app, each with a zod schema for its input and output. */
export const channels = {
  ...appChannels,
  ...sessionChannels,
  ...imageChannels,
  ...captionChannels,
  ...tagChannels,
  ...exportChannels,
  ...editingChannels,
  ...taggerModelChannels,
  ...autotagChannels,
  ...captionerChannels,
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
/** what a caller passes (defaults optional) */
export type ChannelInput<K extends ChannelName> = z.input<Channels[K]['input']>;
/** what a handler receives, after parsing */
export type ChannelArgs<K extends ChannelName> = z.output<Channels[K]['input']>;
export type ChannelOutput<K extends ChannelName> = z.output<Channels[K]['output']>;

export const channelNames = Object.keys(channels) as ChannelName[];
