/**
 * npm run screenshots: PNGs of each main screen, from the real renderer over the real services, with
 * deterministic demo data (fixed clock, seeded ids). Written to docs/screenshots/ for the README.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import type { ApiResult, ChannelName } from '../electron/api';
import { startServices } from '../electron/services/bootstrap';
import { createFixedClock } from '../electron/services/clock';
import { createSeededIdSource } from '../electron/services/ids';
import { dispatch } from '../electron/services/registry';
import { attachBridge, BRIDGE_ORIGIN, BRIDGE_START_URL, CHROMIUM_ARGS, CHROMIUM_PATH } from './bridge';
import { DEMO_ADMIN, populateDemo, type DemoCall } from './demo';
import { generateDistrictData } from './demo/district';

/** One screenshot: a name, the route to open and optional steps before the picture. */
interface Shot {
  name: string;
  route?: string;
  prepare?: (page: Page) => Promise<void>;
}

/** Waits until antd tables and charts have data on screen. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
}

const shots: Shot[] = [
  { name: '05-institutions', route: '#/institutions', prepare: settle },
  { name: '06-plans-roster', route: '#/plans', prepare: settle },
  { name: '07-inspection-runner', route: '#/inspections/__INSPECTION__', prepare: settle },
  { name: '08-hazards-board', route: '#/hazards', prepare: settle },
  { name: '09-statistics', route: '#/statistics', prepare: settle },
  { name: '10-checklists-library', route: '#/checklists', prepare: settle },
  {
    name: '11-laws',
    route: '#/laws',
    prepare: async (page) => {
      await settle(page);
      const search = page.getByPlaceholder(/搜索/).first();
      if (await search.count()) {
        await search.fill('疏散通道');
        await search.press('Enter');
        await settle(page);
      }
    },
  },
  { name: '12-documents', route: '#/documents', prepare: settle },
  { name: '02-settings-general', route: '#/settings' },
  {
    name: '03-settings-towns',
    route: '#/settings',
    prepare: async (page) => {
      await page.getByRole('tab', { name: '街镇' }).click();
      await page.getByText('共 36 条').waitFor();
    },
  },
  {
    name: '04-settings-users',
    route: '#/settings',
    prepare: async (page) => {
      await page.getByRole('tab', { name: '账号管理' }).click();
      await page.getByRole('cell', { name: '张强' }).waitFor();
    },
  },
];

/** Starts an inspection of the first institution with the fire-safety template and answers its first items. */
async function startDemoInspection(call: DemoCall): Promise<string> {
  const institution = (await call('institutions:list', { page: 1, pageSize: 1 })).items[0];
  const template = (await call('checklists:list-templates', {})).find((t) => t.kind === '消防安全飞行检查');
  const version = template?.versions.find((v) => v.status === 'published');
  const inspectors = (await call('inspectors:list', {})).slice(0, 2);
  if (!institution || !version || inspectors.length < 2) throw new Error('演示数据不完整：缺少机构、模板或检查人员');
  const started = await call('inspections:start', {
    institutionId: institution.id,
    templateVersionId: version.id,
    inspectorIds: inspectors.map((i) => i.id),
    representativeName: '刘院长',
  });
  const items = started.sections.flatMap((section) => section.items).slice(0, 9);
  for (const [i, item] of items.entries()) {
    const failed = i === 4;
    await call('inspections:save-answer', {
      inspectionId: started.summary.id,
      itemKey: item.key,
      result: failed ? '不符合' : '符合',
      ...(failed ? { locationBuilding: '1号楼', locationFloor: '2层', locationText: '东侧疏散走道', description: '疏散走道堆放轮椅和杂物，通行宽度不足' } : {}),
    });
  }
  return started.summary.id;
}

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..');
  const outDir = path.join(root, 'docs', 'screenshots');
  fs.mkdirSync(outDir, { recursive: true });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'careinspect-shots-'));
  const clock = createFixedClock(new Date('2026-03-02T01:30:00.000Z'), 1);
  const services = startServices({
    dataDir,
    resourcesDir: path.join(root, 'resources'),
    appVersion: '0.1.0',
    trustedOrigin: BRIDGE_ORIGIN,
    validateOutput: true,
    clock,
    newId: createSeededIdSource(2026, clock),
  });
  const sender = { url: `${BRIDGE_ORIGIN}/index.html`, isMainFrame: true, isOurWindow: true };
  const call: DemoCall = async (channel, input) => {
    const result = (await dispatch(services.registry, channel as ChannelName, input, sender)) as ApiResult<never>;
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value;
  };
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 820 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    await attachBridge(page, services.registry);
    await page.goto(BRIDGE_START_URL);
    await page.getByText('首次使用：创建管理员账号').waitFor();
    await page.screenshot({ path: path.join(outDir, '00-first-start.png') });
    await populateDemo(call, { seed: 2026, institutions: 0 });
    // Three years of a 60-institution district for the boards and the statistics.
    generateDistrictData(services.database.sqlite, { seed: 2026, institutions: 60, years: 3, endDate: '2026-03-01' });
    const inspectionId = await startDemoInspection(call);
    await call('auth:sign-out', {});
    await page.reload();
    await page.getByRole('button', { name: '登录' }).waitFor();
    await page.screenshot({ path: path.join(outDir, '01-sign-in.png') });
    await call('auth:sign-in', { username: DEMO_ADMIN.username, password: DEMO_ADMIN.password });
    await page.reload();
    await page.getByLabel('当前用户').waitFor();
    for (const shot of shots) {
      await page.goto(`${BRIDGE_START_URL}${(shot.route ?? '').replace('__INSPECTION__', inspectionId)}`);
      await page.getByLabel('当前用户').waitFor();
      if (shot.prepare) await shot.prepare(page);
      await page.waitForTimeout(300); // let antd finish its enter animations
      await page.screenshot({ path: path.join(outDir, `${shot.name}.png`) });
      console.log(`docs/screenshots/${shot.name}.png`);
    }
  } finally {
    await browser.close();
    services.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
