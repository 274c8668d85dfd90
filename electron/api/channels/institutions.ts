/** Channels of the 机构档案 module (institution registry, Excel import/export). */
export const institutionChannels = {};
