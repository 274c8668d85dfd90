import type { Locator, Page } from '@playwright/test';

/** Page object for the first-start, sign-in and main-frame screens. */
export class ShellPage {
  constructor(readonly page: Page) {}

  /** Fills the first-start administrator form and submits it. */
  async createAdministrator(v: { username: string; displayName: string; password: string }): Promise<void> {
    await this.page.getByLabel('用户名').fill(v.username);
    await this.page.getByLabel('姓名').fill(v.displayName);
    await this.page.getByLabel('密码', { exact: true }).fill(v.password);
    await this.page.getByLabel('确认密码').fill(v.password);
    await this.page.getByRole('button', { name: '创建并登录' }).click();
  }

  /** Signs in from the sign-in screen. */
  async signIn(username: string, password: string): Promise<void> {
    await this.page.getByLabel('用户名').fill(username);
    await this.page.getByLabel('密码').fill(password);
    await this.page.getByRole('button', { name: '登录' }).click();
  }

  /** The left-hand module menu. */
  menu(): Locator {
    return this.page.getByRole('menu');
  }

  /** Opens a module by its menu label. */
  async open(label: string): Promise<void> {
    await this.menu().getByText(label, { exact: true }).click();
  }
}
