import fs from 'node:fs';
import path from 'node:path';
import { createInspectionWorld, itemByCode, makeJpeg } from '../services/inspections/fixtures';
import { InspectionsPage } from './pages/inspections-page';
import { expect, test } from './support/fixtures';

test('on-site inspection by keyboard: start, answer the whole checklist, three photos, signatures, finish, reopen locked', async ({
  signedInPage: page,
  app,
}) => {
  const world = await createInspectionWorld(app);
  const ui = new InspectionsPage(page);
  await ui.open();
  await expect(page.getByText('没有进行中的检查')).toBeVisible();

  await ui.start({
    institution: world.institutionName,
    template: world.templateName,
    inspectors: world.inspectorNames,
    representative: '钱主任',
  });
  await expect(page).toHaveURL(/#\/inspections\/[0-9a-f-]{36}$/);
  await expect(page.getByText('1 符合 · 2 不符合 · 3 不适用')).toBeVisible();
  const [inspection] = await app.call('inspections:list', { status: 'in_progress' });
  if (!inspection) throw new Error('inspection not started');
  const inspectionId = inspection.id;

  // The first item is current; 1 answers 符合 and moves on.
  await expect(ui.current()).toContainText('F07');
  await ui.keys('1');
  await expect(ui.current()).toContainText('F20');
  await expect(ui.item('F07').locator('[data-save-state="saved"]')).toBeVisible();

  // 2 answers 不符合 and puts the caret in the description; the details are typed, Esc goes back to the list.
  await ui.keys('2');
  await expect(page.getByLabel('问题描述')).toBeFocused();
  await page.keyboard.type('二楼走廊灭火器压力表指针在红区');
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByLabel('具体位置')).toBeFocused();
  await page.keyboard.type('东侧走廊');
  await ui.item('F20').getByLabel('楼栋').fill('1号楼');
  await ui.item('F20').getByLabel('灭火器压力表读数').fill('0.4');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');

  // P opens the file picker for the current item: two photos for F20.
  const twoPhotos = page.waitForEvent('filechooser');
  await ui.keys('p');
  await (
    await twoPhotos
  ).setFiles([
    { name: '灭火器-1.jpg', mimeType: 'image/jpeg', buffer: await makeJpeg(11) },
    { name: '灭火器-2.jpg', mimeType: 'image/jpeg', buffer: await makeJpeg(12) },
  ]);
  await expect(ui.item('F20').getByTestId('photo-thumb')).toHaveCount(2);
  await expect(ui.item('F20').getByRole('img', { name: /灭火器-1\.jpg/ })).toBeVisible();

  // L shows the legal basis, ? the shortcuts; Esc closes both.
  await ui.keys('l');
  await expect(page.locator('.ant-drawer-title', { hasText: 'F20' })).toBeVisible();
  // F20 cites 消防法 第六十条(一): the article's own text is shown offline, with its verification mark.
  const basis = page.getByRole('dialog', { name: /F20/ });
  await expect(basis).toContainText('消防设施、器材或者消防安全标志的配置、设置不符合国家标准');
  await expect(basis).toContainText('已核实原文');
  await ui.keys('Escape');
  await ui.keys('?');
  await expect(page.getByText('键盘快捷键')).toBeVisible();
  await ui.keys('Escape');
  await expect(page.getByText('键盘快捷键')).toBeHidden();

  // J to F11 (符合), ] would jump sections: 不适用 for E01, then a photo and 符合 for E02.
  await ui.keys('j');
  await expect(ui.current()).toContainText('F11');
  await ui.keys('1');
  await expect(ui.current()).toContainText('E01');
  await page.screenshot({ path: 'test-results/inspections-runner.png', fullPage: true });
  await ui.keys('x');
  await expect(ui.current()).toContainText('E02');
  const onePhoto = page.waitForEvent('filechooser');
  await ui.keys('p');
  await (await onePhoto).setFiles({ name: '配电箱.jpg', mimeType: 'image/jpeg', buffer: await makeJpeg(13) });
  await expect(ui.item('E02').getByTestId('photo-thumb')).toHaveCount(1);
  await ui.keys('k', 'j', 'y');

  await expect(page.getByTestId('section-progress').nth(0)).toHaveText(/^3\/3/);
  await expect(page.getByTestId('section-progress').nth(1)).toHaveText('2/2');
  await expect(ui.saveSummary()).toHaveText('全部已保存');

  // Everything typed is already in the database, without any save button.
  const saved = await app.call('inspections:get', { inspectionId });
  const f20 = itemByCode(saved, 'F20').key;
  expect(saved.answers.find((a) => a.itemKey === f20)).toMatchObject({
    result: '不符合',
    description: '二楼走廊灭火器压力表指针在红区',
    locationText: '东侧走廊',
    locationBuilding: '1号楼',
    measurementValue: 0.4,
    measurementUnit: 'MPa',
  });
  expect(saved.answers.map((a) => a.result).sort()).toEqual(['不符合', '不适用', '符合', '符合', '符合']);
  expect(saved.photos).toHaveLength(3);

  // Finish: the check names what is missing (the signatures), each inspector signs on the canvas, the
  // representative refuses with a witness.
  await page.getByRole('button', { name: '完成检查…' }).click();
  const problems = page.getByTestId('completion-problems');
  await expect(problems).toContainText(`检查人员 ${world.inspectorNames[0]} 尚未签名`);
  await expect(problems).toContainText('机构陪同人员 钱主任 尚未签名');
  for (const inspectorId of world.inspectorIds) {
    await page.getByTestId(`signer-${inspectorId}`).getByRole('button', { name: '签名' }).click();
    await ui.signOnPad();
    await expect(page.getByTestId(`signer-${inspectorId}`)).toContainText('已签名');
  }
  await page.getByTestId('signer-representative').getByRole('button', { name: '拒签…' }).click();
  await page.getByLabel('拒签原因').fill('负责人外出，陪同人员表示无权签字');
  await page.getByLabel('见证人').fill('孙社工');
  await page.getByRole('button', { name: '记录拒签' }).click();
  await expect(page.getByTestId('signer-representative')).toContainText(
    '拒签（原因：负责人外出，陪同人员表示无权签字；见证人：孙社工）',
  );
  await expect(page.getByText('检查记录齐全，可以完成检查')).toBeVisible();
  await page.screenshot({ path: 'test-results/inspections-finish.png' });
  await page.getByRole('button', { name: '完成并锁定' }).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '完成并锁定' }).click();
  await expect(page.getByText('检查已完成并锁定')).toBeVisible();

  // Reopen: locked, the hazard was created, keys change nothing.
  await page.reload();
  await expect(page.getByTestId('locked-tag')).toHaveText('已完成 · 已锁定');
  await expect(page.getByText('已生成隐患 1 条')).toBeVisible();
  await expect(ui.item('F07').getByRole('button', { name: /符合/ }).first()).toBeDisabled();
  await ui.keys('3');
  await page.screenshot({ path: 'test-results/inspections-locked.png', fullPage: true });
  const finished = await app.call('inspections:get', { inspectionId });
  expect(finished.summary.status).toBe('finished');
  expect(finished.hazardIds).toHaveLength(1);
  expect(finished.answers.find((a) => a.itemKey === itemByCode(finished, 'F07').key)?.result).toBe('符合');
  expect(finished.signatures.map((s) => [s.role, s.refused])).toEqual([
    ['inspector', false],
    ['inspector', false],
    ['representative', true],
  ]);
});

test('after a restart the unfinished inspection opens by itself, with every saved answer and photo', async ({
  signedInPage: page,
  app,
}) => {
  const world = await createInspectionWorld(app);
  const started = await app.call('inspections:start', {
    institutionId: world.institutionId,
    templateVersionId: world.templateVersionId,
    inspectorIds: world.inspectorIds,
    representativeName: '钱主任',
  });
  const f07 = itemByCode(started, 'F07').key;
  await app.call('inspections:save-answer', {
    inspectionId: started.summary.id,
    itemKey: f07,
    result: '符合',
    note: '抽查三具灭火器',
  });
  await app.call('inspections:add-photo', {
    inspectionId: started.summary.id,
    itemKey: f07,
    fileName: '现场.jpg',
    base64: (await makeJpeg(21)).toString('base64'),
  });
  // A damaged stored file must show a placeholder, not break the runner.
  const stored = app.database.sqlite.prepare('SELECT thumb_path AS p FROM photos').get() as { p: string };
  fs.writeFileSync(path.join(app.dataDir, ...stored.p.split('/')), 'not a jpeg');

  const ui = new InspectionsPage(page);
  await ui.open();
  await expect(page).toHaveURL(new RegExp(`#/inspections/${started.summary.id}$`));
  await expect(ui.item('F07').getByRole('button', { name: /符合/ }).first()).toHaveAttribute('aria-pressed', 'true');
  await expect(ui.item('F07').getByLabel('备注')).toHaveValue('抽查三具灭火器');
  await expect(ui.item('F07').getByRole('img', { name: '照片无法显示' })).toBeVisible();
  // The runner opens on the first unanswered item.
  await expect(ui.current()).toContainText('F20');
});

test('an open hazard from an earlier inspection is re-checked on the spot with a photo', async ({
  signedInPage: page,
  app,
}) => {
  const world = await createInspectionWorld(app);
  const hazard = await app.call('hazards:create', {
    institutionId: world.institutionId,
    location: '1号楼2层东侧走廊',
    description: '疏散走道堆放杂物',
    severity: 'general',
    departments: ['fire'],
    requiredAction: '清除杂物，保持通道畅通',
  });
  const started = await app.call('inspections:start', {
    institutionId: world.institutionId,
    templateVersionId: world.templateVersionId,
    inspectorIds: world.inspectorIds,
    representativeName: '钱主任',
  });
  const ui = new InspectionsPage(page);
  await page.goto(`${page.url().split('#')[0]}#/inspections/${started.summary.id}`);
  await expect(ui.item('F07')).toBeVisible();
  const photoFile = path.join(test.info().outputDir, 'recheck.jpg');
  fs.mkdirSync(path.dirname(photoFile), { recursive: true });
  fs.writeFileSync(photoFile, await makeJpeg(33));
  const field = page.getByTestId(`recheck-photos-${hazard.hazard.code}`);
  await field.locator('input[type=file]').setInputFiles(photoFile);
  await expect(field.locator('img').first()).toBeVisible();
  await page.getByRole('button', { name: '已整改' }).click();
  // The recheck was stored with the photo taken on the spot.
  await expect
    .poll(async () => (await app.call('hazards:get', { id: hazard.hazard.id })).hazard.photos.length)
    .toBeGreaterThan(0);
});
