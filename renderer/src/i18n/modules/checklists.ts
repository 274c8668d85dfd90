/** UI strings of the 检查表 module (zh-CN first; en-US must have the same keys). */
const zh = {
  title: '检查表',
};

const en: typeof zh = {
  title: 'Checklists',
};

/** Both languages of the module, merged into i18next under the `checklists` key. */
export const checklistMessages = { 'zh-CN': zh, 'en-US': en };
