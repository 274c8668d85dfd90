/** Channels of the 检查计划 module. */
export const planChannels = {};
