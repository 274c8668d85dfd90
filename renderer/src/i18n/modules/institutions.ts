/** UI strings of the 机构档案 module (zh-CN first; en-US must have the same keys). */
const zh = {
  title: '机构档案',
};

const en: typeof zh = {
  title: 'Institutions',
};

/** Both languages of the module, merged into i18next under the `institutions` key. */
export const institutionsMessages = { 'zh-CN': zh, 'en-US': en };
