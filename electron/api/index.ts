import type { z } from 'zod';
import type { ChannelSpec } from './contract';
import { authChannels } from './channels/auth';
import { institutionChannels } from './channels/institutions';
import { statisticChannels } from './channels/statistics';
import { documentChannels } from './channels/documents';
import { hazardChannels } from './channels/hazards';
import { inspectionChannels } from './channels/inspections';
import { lawChannels } from './channels/laws';
import { planChannels } from './channels/plans';
import { checklistChannels } from './channels/checklists';
import { referenceChannels } from './channels/reference';
import { systemChannels } from './channels/system';

export * from './contract';
export * from './channels/auth';
export * from './channels/institutions';
export * from './channels/statistics';
export * from './channels/documents';
export * from './channels/hazards';
export * from './channels/inspections';
export * from './channels/laws';
export * from './channels/plans';
export * from './channels/checklists';
export * from './channels/reference';
export * from './channels/system';

/** The whole IPC contract: every channel the renderer may call, by name. */
export const channels = {
  ...authChannels,
  ...institutionChannels,
  ...statisticChannels,
  ...documentChannels,
  ...hazardChannels,
  ...inspectionChannels,
  ...lawChannels,
  ...planChannels,
  ...checklistChannels,
  ...referenceChannels,
  ...systemChannels,
} satisfies Record<string, ChannelSpec>;

/** Name of a channel of the contract. */
export type ChannelName = keyof typeof channels;

/** What a caller passes to a channel (before defaults are applied). */
export type ChannelInput<K extends ChannelName> = z.input<(typeof channels)[K]['input']>;

/** What a handler receives after validation (defaults applied). */
export type ChannelParsedInput<K extends ChannelName> = z.output<(typeof channels)[K]['input']>;

/** What a channel answers. */
export type ChannelOutput<K extends ChannelName> = z.output<(typeof channels)[K]['output']>;
