/** Channels of the 法规库 module. */
export const lawChannels = {};
