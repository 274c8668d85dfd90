import type { Locator, Page } from '@playwright/test';

/** Fields of the inspector dialog. */
export interface InspectorFields {
  name: string;
  department?: string;
  certificateNo?: string;
  phone?: string;
}

/** Page object for 检查计划 → 检查人员: the roster table, the inspector dialog and each row's recusals. */
export class PlansPage {
  constructor(readonly page: Page) {}

  /** Opens 检查计划 from the module menu and switches to the 检查人员 tab. */
  async openInspectors(): Promise<void> {
    await this.page.getByRole('menu').getByText('检查计划', { exact: true }).click();
    await this.page.getByRole('tab', { name: '检查人员' }).click();
  }

  /** The roster table. */
  roster(): Locator {
    return this.page.getByRole('table', { name: '检查人员名册' });
  }

  /** The roster row of one inspector. */
  row(name: string): Locator {
    return this.roster()
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name, exact: true }) });
  }

  /** The open inspector dialog. */
  dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  /** Picks an option of an antd Select by its visible text. */
  async choose(select: Locator, option: string): Promise<void> {
    await select.click();
    // antd renders hidden a11y options next to the visible ones; click the visible item of the open dropdown.
    await this.page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .getByText(option, { exact: true })
      .click();
  }

  /** Opens the new-inspector dialog, fills it and saves. */
  async addInspector(v: InspectorFields): Promise<void> {
    await this.page.getByRole('button', { name: '新增检查人员' }).click();
    const dialog = this.dialog();
    await dialog.getByLabel('姓名').fill(v.name);
    if (v.department) await this.choose(dialog.getByLabel('所属部门'), v.department);
    if (v.certificateNo) await dialog.getByLabel('执法证号').fill(v.certificateNo);
    if (v.phone) await dialog.getByLabel('联系电话').fill(v.phone);
    await dialog.getByRole('button', { name: '保存' }).click();
  }

  /** Closes the open dialog without saving, as a person would with Esc. */
  async closeDialog(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.dialog().waitFor({ state: 'hidden' });
  }

  /** Opens (or closes) the recusal panel of an inspector. */
  async toggleRecusals(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `回避 ${name}`, exact: true }).click();
  }

  /** The recusal list of an inspector (panel open). */
  recusals(name: string): Locator {
    return this.page.getByRole('table', { name: `回避列表 ${name}` });
  }

  /** Adds a town recusal through the open panel. */
  async addTownRecusal(town: string, reason: string): Promise<void> {
    // The radio input itself is visually hidden by antd; its button label is what a person clicks.
    await this.page
      .locator('.ant-radio-button-wrapper')
      .filter({ hasText: /^街镇$/ })
      .click();
    await this.choose(this.page.getByRole('combobox', { name: /街镇/ }), town);
    await this.page.getByLabel('回避原因').fill(reason);
    await this.page.getByRole('button', { name: '添加回避' }).click();
  }

  /** Opens 检查计划 from the module menu on its first tab (the plan list). */
  async openPlans(): Promise<void> {
    await this.page.getByRole('menu').getByText('检查计划', { exact: true }).click();
    await this.page.getByRole('tab', { name: '检查计划' }).click();
  }

  /** Fills and saves the new-plan dialog; the dialog's pickers are antd Selects and a range picker. */
  async createPlan(v: {
    name: string;
    start: string;
    end: string;
    template: string;
    departments: string[];
  }): Promise<void> {
    await this.page.getByRole('button', { name: '新建计划' }).click();
    const dialog = this.dialog();
    await dialog.getByLabel('计划名称').fill(v.name);
    await this.choose(dialog.getByLabel('检查表'), v.template);
    for (const d of v.departments) await this.choose(dialog.getByLabel('参与部门'), d);
    // The range picker last: Enter in its end field commits the date and submits the form, as a person would.
    const start = dialog.getByPlaceholder('开始日期');
    await start.click();
    await start.fill(v.start);
    await start.press('Enter');
    const end = dialog.getByPlaceholder('结束日期');
    await end.fill(v.end);
    await end.press('Enter');
    await this.dialog().waitFor({ state: 'hidden' });
  }

  /** The assignments (schedule) table of the open plan. */
  assignments(): Locator {
    return this.page.getByRole('table', { name: '检查安排' });
  }

  /** The draw records table of the open plan. */
  draws(): Locator {
    return this.page.getByRole('table', { name: '抽取记录' });
  }

  /** Draws `count` institutions with the plan's defaults. */
  async draw(count: number): Promise<void> {
    await this.page.getByLabel('抽取家数').fill(String(count));
    await this.page.getByRole('button', { name: '抽取', exact: true }).click();
  }

  /** Redraws with a reason through the confirmation dialog. */
  async redraw(reason: string): Promise<void> {
    await this.page.getByRole('button', { name: '重新抽取', exact: true }).click();
    await this.dialog().getByLabel('重新抽取原因').fill(reason);
    await this.dialog().getByRole('button', { name: '重新抽取' }).click();
    await this.dialog().waitFor({ state: 'hidden' });
  }

  /** Verifies draw number `seq` and returns the result banner. */
  async verify(seq: number): Promise<Locator> {
    await this.page.getByRole('button', { name: `验证第 ${seq} 次抽取` }).click();
    return this.page.getByRole('status').filter({ hasText: `#${seq}` });
  }
}
