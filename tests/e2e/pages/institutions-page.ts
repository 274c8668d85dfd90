import { expect, type Download, type Locator, type Page } from '@playwright/test';

/** Page object for the 机构档案 screens: list, form drawer, profile and import wizard. */
export class InstitutionsPage {
  constructor(readonly page: Page) {}

  /** Opens the registry from the menu. */
  async open(): Promise<void> {
    await this.page.getByRole('menu').getByText('机构档案', { exact: true }).click();
    await expect(this.page.getByRole('button', { name: '下载导入模板' })).toBeVisible();
  }

  /** The list's table body rows. */
  rows(): Locator {
    return this.page.locator('.ant-table-tbody tr.ant-table-row');
  }

  /** Types into the search box (the list searches after a short pause). */
  async search(text: string): Promise<void> {
    await this.page.getByLabel('搜索机构名称、地址或统一社会信用代码').fill(text);
  }

  /** The "共 N 条" total under the list. */
  total(): Locator {
    return this.page.locator('.ant-pagination-total-text');
  }

  /** The create/edit drawer. */
  drawer(): Locator {
    return this.page.getByRole('dialog').filter({ has: this.page.getByRole('button', { name: '保存' }) });
  }

  /** A drawer field by its label; required fields' labels carry antd's "* " in their accessible name. */
  field(label: string): Locator {
    const escaped = label.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    return this.drawer().getByLabel(new RegExp(`^(\\* )?${escaped}$`));
  }

  /** Picks an option of an antd Select identified by its form label. */
  async choose(label: string, option: string): Promise<void> {
    await this.field(label).click();
    // The option list is virtual: typing narrows a searchable select so the option is rendered.
    await this.page.keyboard.type(option);
    await this.page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: new RegExp(`^${option}$`) })
      .click();
  }

  /** Fills a text or number field of the drawer by its label. */
  async fill(label: string, value: string): Promise<void> {
    await this.field(label).fill(value);
  }

  /** Saves the drawer. */
  async save(): Promise<void> {
    await this.drawer().getByRole('button', { name: '保存' }).click();
  }

  /** Chooses a file in the import wizard. */
  async chooseImportFile(name: string, buffer: Buffer): Promise<void> {
    await this.page.locator('.ant-modal input[type=file]').setInputFiles({
      name,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer,
    });
  }

  /** Clicks a button and returns the download it starts. */
  async download(buttonName: string | RegExp): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: buttonName }).click(),
    ]);
    return download;
  }
}
