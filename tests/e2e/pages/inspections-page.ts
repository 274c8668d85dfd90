import type { Locator, Page } from '@playwright/test';

/** Page object of the 现场检查 module: list, start form, runner, finish drawer and signature pad. */
export class InspectionsPage {
  constructor(readonly page: Page) {}

  /** Opens the module from the menu. */
  async open(): Promise<void> {
    await this.page.getByRole('menu').getByText('现场检查', { exact: true }).click();
  }

  /** Picks an option of an antd Select found by its form label, typing to filter first. */
  async choose(label: string, option: string, type?: string): Promise<void> {
    const select = this.page.getByLabel(label, { exact: true });
    await select.click();
    if (type) await select.pressSequentially(type);
    await this.page.locator('.ant-select-item-option:visible', { hasText: option }).first().click();
  }

  /** Fills and submits the start form. */
  async start(v: {
    institution: string;
    template: string;
    inspectors: string[];
    representative: string;
  }): Promise<void> {
    await this.page.getByRole('button', { name: '新建检查' }).click();
    await this.choose('被检查机构', v.institution, v.institution.slice(0, 4));
    await this.choose('检查表（已发布版本）', v.template);
    for (const name of v.inspectors) await this.choose('到场检查人员', name);
    await this.page.keyboard.press('Escape');
    await this.page.getByLabel('机构陪同人员', { exact: true }).fill(v.representative);
    await this.page.getByRole('button', { name: '开始检查' }).click();
  }

  /** The row of a checklist item, by its rule code. */
  item(code: string): Locator {
    return this.page
      .getByTestId('inspection-item')
      .filter({ has: this.page.locator('.ant-tag', { hasText: new RegExp(`^${code}$`) }) });
  }

  /** The item the keyboard acts on. */
  current(): Locator {
    return this.page.locator('[data-testid="inspection-item"][aria-current="true"]');
  }

  /** Presses keys one after another, as an inspector would. */
  async keys(...keys: string[]): Promise<void> {
    for (const key of keys) await this.page.keyboard.press(key);
  }

  /** The header's overall save state. */
  saveSummary(): Locator {
    return this.page.getByTestId('save-summary');
  }

  /** Draws a signature stroke on the open signature pad with the mouse, then confirms it. */
  async signOnPad(): Promise<void> {
    const canvas = this.page.locator('canvas.insp-signature-canvas');
    // hover waits until the canvas is stable (the modal's zoom-in animation is over), so the strokes land inside.
    await canvas.hover({ position: { x: 30, y: 100 } });
    const box = await canvas.boundingBox();
    if (!box) throw new Error('signature canvas not visible');
    await this.page.mouse.move(box.x + 30, box.y + box.height * 0.6);
    await this.page.mouse.down();
    for (let i = 1; i <= 12; i++) {
      await this.page.mouse.move(box.x + 30 + i * 35, box.y + box.height * (0.6 + 0.25 * Math.sin(i)), { steps: 3 });
    }
    await this.page.mouse.up();
    await this.page.getByRole('button', { name: '确认签名' }).click();
  }
}
