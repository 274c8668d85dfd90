import type { Locator, Page } from '@playwright/test';

/** Page object for 文书报告: the issue tab's inspections, the register and the 核验 tab. */
export class DocumentsPage {
  constructor(readonly page: Page) {}

  /** Opens 文书报告 from the module menu on one of its tabs. */
  async open(tab: '签发文书' | '文书台账' | '核验' | '文书设置' = '签发文书'): Promise<void> {
    await this.page.getByRole('menu').getByText('文书报告', { exact: true }).click();
    await this.tab(tab);
  }

  /** Switches tab. */
  async tab(name: '签发文书' | '文书台账' | '核验' | '文书设置'): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  /** The row of a finished inspection of an institution. */
  inspectionRow(institution: string): Locator {
    return this.page
      .getByRole('table', { name: '可签发文书的检查' })
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name: institution, exact: true }) });
  }

  /** Issues a 整改通知书 for the inspection of an institution, confirming the number warning. */
  async issueNotice(institution: string): Promise<void> {
    await this.inspectionRow(institution).getByRole('button', { name: '签发整改通知书' }).click();
    await this.page
      .getByRole('tooltip')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
  }

  /** The “已签发 … 核验码 …” line shown after issuing. */
  issuedLine(): Locator {
    return this.page.getByTestId('issued-number');
  }

  /** Types a code into the 核验 tab and checks it. */
  async verify(code: string): Promise<void> {
    await this.page.getByLabel('核验码').fill(code);
    await this.page.getByRole('button', { name: '核验', exact: true }).click();
  }

  /** The verification answer. */
  result(): Locator {
    return this.page.getByRole('status');
  }

  /** The register table. */
  register(): Locator {
    return this.page.getByRole('table', { name: '文书台账' });
  }
}
