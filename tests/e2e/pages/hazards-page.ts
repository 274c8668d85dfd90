import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for the 隐患整改 board, its detail drawer and action forms. */
export class HazardsPage {
  constructor(readonly page: Page) {}

  /** Opens the board from the module menu. */
  async open(): Promise<void> {
    await this.page.getByRole('menu').getByText('隐患整改', { exact: true }).click();
    await expect(this.page.getByRole('tab', { name: '隐患看板' })).toBeVisible();
  }

  /** The board's table rows. */
  rows(): Locator {
    return this.page.locator('.ci-hazard-table .ant-table-tbody tr.ant-table-row');
  }

  /** Opens a hazard's drawer by its code. */
  async openHazard(code: string): Promise<Locator> {
    await this.page.getByRole('button', { name: code, exact: true }).click();
    const drawer = this.drawer();
    await expect(drawer).toBeVisible();
    await expect(drawer).toHaveAccessibleName(`隐患详情 ${code}`);
    return drawer;
  }

  /** The open detail drawer. */
  drawer(): Locator {
    return this.page.getByRole('dialog', { name: /^隐患详情/ });
  }

  /** The open action form (its title reads "<action>：<code>"). */
  modal(): Locator {
    return this.page.getByRole('dialog', { name: /：YH-/ });
  }

  /** Records the institution's rectification report, optionally uploading one after-photo first. */
  async report(text: string, afterPhoto?: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.drawer().getByRole('button', { name: '录入整改报告' }).click();
    await this.modal().getByLabel('整改情况').fill(text);
    if (afterPhoto) {
      const field = this.modal().getByTestId('hazard-after-photos');
      await field.locator('input[type=file]').setInputFiles(afterPhoto);
      // The stored thumbnail comes back from the service and is shown before saving.
      await expect(field.locator('.ant-upload-list-item img')).toHaveCount(1);
      await expect(field.locator('.ant-upload-list-item img')).toHaveAttribute('src', /^data:image\/jpeg;base64,/);
    }
    await this.modal().getByRole('button', { name: '保存' }).click();
    await expect(this.modal()).toBeHidden();
  }

  /** 复查不通过 with a method and a reason. */
  async failVerification(method: string, reason: string): Promise<void> {
    await this.drawer().getByRole('button', { name: '复查不通过' }).click();
    await this.modal().getByLabel(method).check();
    await this.modal().getByLabel('原因').fill(reason);
    await this.modal().getByRole('button', { name: '保存' }).click();
    await expect(this.modal()).toBeHidden();
  }

  /** 复查通过 with a method and a note. */
  async passVerification(method: string, note: string): Promise<void> {
    await this.drawer().getByRole('button', { name: '复查通过' }).click();
    await this.modal().getByLabel(method).check();
    await this.modal().getByLabel('说明').fill(note);
    await this.modal().getByRole('button', { name: '保存' }).click();
    await expect(this.modal()).toBeHidden();
  }

  /** Thumbnails of the drawer's photo overview (all photos, grouped before / after / documents). */
  drawerPhotos(role: 'before' | 'after' | 'document'): Locator {
    return this.drawer().getByTestId('hazard-drawer-photos').getByTestId(`hazard-photos-${role}`).locator('img');
  }

  /** Closes the drawer. */
  async closeDrawer(): Promise<void> {
    await this.drawer().getByRole('button', { name: '关闭', exact: true }).click();
    await expect(this.drawer()).toBeHidden();
  }
}
