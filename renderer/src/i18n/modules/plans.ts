/** UI strings of the 检查计划 module (zh-CN first; en-US must have the same keys). */
const zh = {
  title: '检查计划',
};

const en: typeof zh = {
  title: 'Plans',
};

/** Both languages of the module, merged into i18next under the `plans` key. */
export const planMessages = { 'zh-CN': zh, 'en-US': en };
