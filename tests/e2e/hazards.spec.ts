import sharp from 'sharp';
import { inTransaction } from '../../electron/services/audit';
import { createHazardsFromFindings } from '../../electron/services/hazards/from-inspection';
import {
  contextOf,
  createInspectorAccounts,
  createInstitution,
  insertInspection,
  USERS,
} from '../services/hazards/support';
import { HazardsPage } from './pages/hazards-page';
import { ShellPage } from './pages/shell-page';
import { expect, test } from './support/fixtures';

test('hazard from an inspection → rectification report → 复查不通过 → fixed → verified by a second inspector → 已闭环', async ({
  signedInPage: page,
  app,
}) => {
  const shell = new ShellPage(page);
  const hazards = new HazardsPage(page);
  const institution = await createInstitution(app, '浦东新区康乐养老院', '12345678');
  const { li } = await createInspectorAccounts(app);
  // Sign out through the service and reload, then sign in through the sign-in screen: a fresh page is what the
  // next person at the laptop gets, and it keeps this story independent of the header's sign-out button.
  const switchTo = async (who: 'li' | 'zhou' | 'admin') => {
    await app.call('auth:sign-out', {});
    await page.reload();
    await shell.signIn(USERS[who].username, USERS[who].password);
    await expect(page.getByLabel('当前用户')).toContainText(USERS[who].displayName);
  };

  // 李检查 finishes an inspection with two failed items (the inspection module calls this when finishing).
  await switchTo('li');
  const inspectionId = insertInspection(app.registry.deps, institution.id, li);
  inTransaction(app.registry.deps, () =>
    createHazardsFromFindings(contextOf(app), {
      institutionId: institution.id,
      inspectionId,
      recordedByUserId: li,
      findings: [
        {
          itemKey: 's1/i1',
          ruleItemCode: 'F07',
          itemText: '灭火器配置不足或失效',
          legalBasis: '消防法 第十六条',
          location: '三楼护理区走廊',
          description: '3 具灭火器压力不足',
          photoIds: [],
          measurement: { value: 0.6, unit: 'MPa' },
          fixedOnSpot: false,
          afterPhotoIds: [],
          departments: ['fire'],
          majorFlag: 'no',
          majorClause: null,
          deadlineClass: 'short',
        },
        {
          itemKey: 's1/i2',
          ruleItemCode: 'F08',
          itemText: '疏散通道被占用',
          legalBasis: null,
          location: '一楼东侧楼梯间',
          description: '堆放轮椅',
          photoIds: [],
          measurement: null,
          fixedOnSpot: true,
          afterPhotoIds: [],
          departments: ['fire'],
          majorFlag: 'no',
          majorClause: null,
          deadlineClass: 'immediate',
        },
      ],
    }),
  );

  await hazards.open();
  // The board shows the open one; the on-the-spot fix is already closed and not on the open board.
  await expect(hazards.rows()).toHaveCount(1);
  await expect(hazards.rows().first()).toContainText('三楼护理区走廊');
  await expect(hazards.rows().first()).toContainText('待整改');
  await expect(page.getByText('消防救援').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/hazards-board.png', fullPage: true });

  // The institution's report, recorded by 李检查 on its behalf.
  let drawer = await hazards.openHazard('YH-2026-0001');
  await hazards.report('已更换 3 具灭火器');
  await expect(drawer.getByText('待复查').first()).toBeVisible();
  // 李检查 recorded it, so 李检查 cannot verify it.
  await expect(drawer.getByRole('button', { name: '复查通过' })).toBeDisabled();
  await hazards.closeDrawer();

  // 周复核 checks: not good enough.
  await switchTo('zhou');
  await hazards.open();
  drawer = await hazards.openHazard('YH-2026-0001');
  await hazards.failVerification('照片核验', '照片显示压力表仍在红区');
  await expect(drawer.getByText('整改中').first()).toBeVisible();
  await expect(drawer.getByText('原因：照片显示压力表仍在红区')).toBeVisible();
  await hazards.closeDrawer();

  // The institution fixes it; 李检查 records the new report.
  await switchTo('li');
  await hazards.open();
  drawer = await hazards.openHazard('YH-2026-0001');
  const afterPhoto = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#3a8f5c' } })
    .jpeg({ quality: 85 })
    .toBuffer();
  await hazards.report('已送检并重新充装，压力表在绿区', {
    name: '灭火器整改后.jpg',
    mimeType: 'image/jpeg',
    buffer: afterPhoto,
  });
  // The after-photo is shown in the drawer, as a thumbnail of the stored copy.
  await expect(hazards.drawerPhotos('after')).toHaveCount(1);
  await expect(hazards.drawerPhotos('after').first()).toHaveAttribute('src', /^data:image\/jpeg;base64,/);
  await drawer.getByTestId('hazard-drawer-photos').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/hazards-drawer-photos.png' });
  await hazards.closeDrawer();

  // 周复核 verifies on site: closed.
  await switchTo('zhou');
  await hazards.open();
  drawer = await hazards.openHazard('YH-2026-0001');
  await hazards.passVerification('现场复查', '现场查看压力正常');
  await expect(drawer.getByText('已闭环').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/hazards-closed.png', fullPage: true });
  await hazards.closeDrawer();
  await expect(hazards.rows()).toHaveCount(0);

  // The history, as stored: who did what, in order, each with its audit record.
  const { items } = await app.call('hazards:list', { state: 'all' });
  const closed = items.find((h) => h.code === 'YH-2026-0001');
  if (!closed) throw new Error('hazard missing');
  const detail = await app.call('hazards:get', { id: closed.id });
  expect(detail.events.map((e) => `${e.kind}/${e.actorName}`)).toEqual([
    'create/李检查',
    'report/李检查',
    'verify-fail/周复核',
    'report/李检查',
    'verify-pass/周复核',
  ]);
  // The uploaded after-photo belongs to the second report.
  expect(detail.hazard.photos).toEqual([{ photoId: expect.any(String), role: 'after', eventId: detail.events[3]?.id }]);
  await switchTo('admin');
  const audit = await app.call('audit:list', { entity: 'hazard', entityId: closed.id });
  expect(audit.map((a) => `${a.action}/${a.actorName}`).reverse()).toEqual([
    'create/李检查',
    'transition:report/李检查',
    'transition:verify-fail/周复核',
    'transition:report/李检查',
    'transition:verify-pass/周复核',
  ]);
});
