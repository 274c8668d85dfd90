import type { Locator, Page } from '@playwright/test';

/** Page object for the 检查表 module: rule library, major-hazard standard and template editor. */
export class ChecklistsPage {
  constructor(readonly page: Page) {}

  /** Opens 检查表 from the menu and a tab by its label. */
  async open(tab: '规则库' | '判定标准' | '模板' = '规则库'): Promise<void> {
    await this.page.getByRole('menu').getByText('检查表', { exact: true }).click();
    await this.page.getByRole('tab', { name: tab }).click();
  }

  /** Picks an option of one of the library filters (a labelled antd select). */
  async filter(label: string, option: string, scope: Locator | Page = this.page): Promise<void> {
    await scope.getByLabel(label, { exact: true }).click();
    await this.page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
  }

  /** Types into a library search box and runs the search. */
  async search(text: string, scope: Locator | Page = this.page): Promise<void> {
    const box = scope.getByRole('searchbox', { name: '搜索检查内容、编号或依据' });
    await box.fill(text);
    await box.press('Enter');
  }

  /** The visible modal dialog with the given title text. */
  dialog(title: string | RegExp): Locator {
    return this.page.getByRole('dialog').filter({ hasText: title });
  }

  /** Creates a template from the 模板 tab; the editor of its draft opens. */
  async createTemplate(name: string, kind: string): Promise<void> {
    await this.page.getByRole('button', { name: '新建模板' }).click();
    const dialog = this.dialog('新建模板');
    await dialog.getByLabel('模板名称').fill(name);
    await dialog.getByLabel('类型').click();
    await this.page.locator('.ant-select-dropdown:visible').getByTitle(kind, { exact: true }).click();
    await dialog.getByRole('button', { name: '确定' }).click();
  }

  /** The card of one section in the editor. */
  section(title: string): Locator {
    return this.page
      .locator('.ant-card')
      .filter({ has: this.page.locator('.ant-card-head-title', { hasText: title }) });
  }

  /** Items of a section table, as their codes in order. */
  async itemCodes(sectionTitle: string): Promise<string[]> {
    const cells = this.page
      .getByRole('table', { name: sectionTitle })
      .locator('tbody tr.ant-table-row td:nth-child(3)');
    return cells.allInnerTexts();
  }
}
