import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for 法规库: the law list, search, reader, item lookup and import dialog. */
export class LawsPage {
  constructor(readonly page: Page) {}

  /** Opens 法规库 from the module menu. */
  async open(): Promise<void> {
    await this.page.getByRole('menu').getByText('法规库', { exact: true }).click();
  }

  /** The table of laws on the start screen. */
  lawTable(): Locator {
    return this.page.getByRole('table');
  }

  /** Picks a version in the reader's version switcher by its visible label. */
  async pickVersion(label: RegExp): Promise<void> {
    await this.page.getByRole('combobox', { name: '版本' }).click();
    await this.page.locator('.ant-select-item-option').filter({ hasText: label }).click();
  }

  /** Searches article text. */
  async search(text: string): Promise<void> {
    const box = this.page
      .getByRole('searchbox', { name: '搜索条文原文' })
      .or(this.page.getByPlaceholder('搜索条文原文'));
    await box.first().fill(text);
    await box.first().press('Enter');
  }

  /** The search hits. */
  hits(): Locator {
    return this.page.getByTestId('search-hit');
  }

  /** An article in the reader, by key ('28', '41-1'). */
  article(key: string): Locator {
    return this.page.locator(`[data-article-key="${key}"]`);
  }

  /** Picks a checklist item in 按检查项查依据 by typing its id. */
  async lookUpItem(id: string): Promise<void> {
    const select = this.page.getByTestId('checklist-lookup').getByRole('combobox');
    await select.click();
    await select.fill(id);
    // The first match is active; Enter picks it, as a user typing an id would.
    await expect(this.page.locator('.ant-select-item-option-active')).toContainText(`${id} `);
    await select.press('Enter');
    await expect(this.page.getByTestId('checklist-lookup').getByText(id, { exact: true })).toBeVisible();
  }

  /** The legal basis shown for the looked-up item. */
  legalBasis(): Locator {
    return this.page.getByTestId('checklist-lookup').getByTestId('legal-basis');
  }

  /** The import dialog. */
  importDialog(): Locator {
    return this.page.getByRole('dialog', { name: '导入法规新版本' });
  }

  /** Opens the import dialog and chooses a Markdown file with this name and text. */
  async chooseImportFile(name: string, text: string): Promise<void> {
    await this.importDialog()
      .locator('input[type="file"]')
      .setInputFiles({
        name,
        mimeType: 'text/markdown',
        buffer: Buffer.from(text, 'utf8'),
      });
  }
}
