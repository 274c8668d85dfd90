/** UI strings of the 法规库 module (zh-CN first; en-US must have the same keys). */
const zh = {
  title: '法规库',
};

const en: typeof zh = {
  title: 'Law library',
};

/** Both languages of the module, merged into i18next under the `laws` key. */
export const lawMessages = { 'zh-CN': zh, 'en-US': en };
