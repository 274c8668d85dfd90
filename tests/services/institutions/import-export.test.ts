import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Institution, InstitutionFields } from '../../../electron/api';
import { columnLetter, EXCEL_COLUMNS } from '../../../electron/services/institutions/columns';
import { buildUscc } from '../../../electron/services/institutions/uscc';
import { createDemoInstitutions, demoImportFile, demoInstitutionFields } from '../../../scripts/demo/institutions';
import { createSignedInApp, type TestApp } from '../../support/services';

let app: TestApp | undefined;
afterEach(() => {
  app?.dispose();
  app = undefined;
});

/** Excel column letter of a field in the template. */
function letter(key: keyof InstitutionFields): string {
  return columnLetter(EXCEL_COLUMNS.findIndex((c) => c.key === key) + 1);
}

async function load(base64: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ExcelJS.Buffer);
  return wb;
}

async function save(wb: ExcelJS.Workbook): Promise<string> {
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

function editable(i: Institution): InstitutionFields {
  const { id: _i, townName: _t, archivedAt: _a, createdAt: _c, updatedAt: _u, ...fields } = i;
  return fields;
}

async function allInstitutions(a: TestApp): Promise<Institution[]> {
  const page = await a.call('institutions:list', { pageSize: 200, includeArchived: true });
  const out: Institution[] = [];
  for (let p = 1; p <= Math.ceil(page.total / 200); p++) {
    const items = (await a.call('institutions:list', { page: p, pageSize: 200, includeArchived: true })).items;
    for (const item of items) out.push((await a.call('institutions:get', { id: item.id })).institution);
  }
  return out.sort((x, y) => x.uscc.localeCompare(y.uscc));
}

function auditCount(a: TestApp, action: string): number {
  return (
    a.database.sqlite.prepare('SELECT count(*) AS n FROM audit_log WHERE action = ?').get(action) as { n: number }
  ).n;
}

describe('Excel import: a 2,000-row file with 20 planted bad rows', () => {
  it('reports exactly those 20 rows with column and reason, writes nothing, then commits the 1,980 valid rows', async () => {
    app = await createSignedInApp();
    const towns = await app.call('towns:list', {});
    const seed = 2026;
    const fileRows = demoInstitutionFields(towns, 2000, seed); // row r of the sheet holds fileRows[r - 2]
    const at = (row: number) => fileRows[row - 2] as InstitutionFields;

    // The database already holds five of the file's institutions (matched by code): three differ, two are equal.
    for (let i = 0; i < 5; i++) {
      const f = fileRows[i] as InstitutionFields;
      await app.call('institutions:create', i < 3 ? { ...f, bedCount: f.bedCount + 5, notes: '旧备注' } : f);
    }
    // And one institution outside the file whose name a file row reuses with another code.
    const holder = await app.call('institutions:create', {
      ...(demoInstitutionFields(towns, 1, 99)[0] as InstitutionFields),
      name: '浦东新区同名测试敬老院',
      uscc: buildUscc({ authority: '5', type: '2', area: '310115', orgBody: 'MJ000001' }),
    });

    const wb = await load(await demoImportFile(towns, 2000, seed));
    const ws = wb.getWorksheet('机构档案');
    if (!ws) throw new Error('no data sheet');
    const set = (row: number, key: keyof InstitutionFields, value: ExcelJS.CellValue) => {
      ws.getCell(`${letter(key)}${row}`).value = value;
    };
    const code11 = at(11).uscc;
    const planted: Array<{ row: number; key: keyof InstitutionFields; reason: string }> = [];
    const plant = (row: number, key: keyof InstitutionFields, reason: string, apply: () => void) => {
      apply();
      planted.push({ row, key, reason });
    };
    const wrongCheck = code11.slice(0, 17) + (code11[17] === '0' ? '1' : '0');
    plant(11, 'uscc', `第 18 位校验码应为“${code11[17]}”`, () => set(11, 'uscc', wrongCheck));
    plant(101, 'uscc', '应为 18 位，当前为 17 位', () => set(101, 'uscc', at(101).uscc.slice(0, 17)));
    plant(201, 'uscc', '第 5 位“I”', () => set(201, 'uscc', `${at(201).uscc.slice(0, 4)}I${at(201).uscc.slice(5)}`));
    plant(301, 'uscc', '存成了数字', () => set(301, 'uscc', 123101154250123));
    plant(401, 'townId', '街镇“陆家嘴镇”不在街镇列表中', () => set(401, 'townId', '陆家嘴镇'));
    plant(501, 'townId', '街镇“黄浦区”不在街镇列表中', () => set(501, 'townId', '黄浦区'));
    plant(601, 'uscc', '统一社会信用代码与第 12 行重复', () => set(601, 'uscc', at(12).uscc));
    plant(701, 'name', '机构名称与第 13 行重复', () => set(701, 'name', at(13).name));
    plant(801, 'name', '机构名称为必填项', () => set(801, 'name', null));
    plant(901, 'address', '地址为必填项', () => set(901, 'address', '   '));
    plant(1001, 'bedCount', '床位数应为整数，实际为“约五十”', () => set(1001, 'bedCount', '约五十'));
    plant(1101, 'bedCount', '床位数应为整数，实际为“12.5”', () => set(1101, 'bedCount', 12.5));
    plant(1201, 'hasCanteen', '设有食堂应填“是”或“否”', () => set(1201, 'hasCanteen', '可能'));
    plant(1301, 'licenceDate', '日期不存在', () => set(1301, 'licenceDate', '2024-13-45'));
    plant(1401, 'type', '机构类型应为 公办、公建民营、民办 之一', () => set(1401, 'type', '私营'));
    plant(1501, 'legalRepresentative', '合并单元格', () =>
      ws.mergeCells(`${letter('legalRepresentative')}1501:${letter('contactPerson')}1501`),
    );
    plant(1601, 'bedCount', '含有公式', () => set(1601, 'bedCount', { formula: '10+20', result: 30 }));
    plant(1701, 'notes', '含有公式', () => set(1701, 'notes', { formula: 'CONCAT("备","注")', result: '备注' }));
    plant(1801, 'bedCount', '超过床位数', () => set(1801, 'residentsSelfCare', at(1801).bedCount + 1));
    plant(1901, 'name', `系统中已有同名机构（统一社会信用代码 ${holder.uscc}）`, () => set(1901, 'name', holder.name));
    expect(planted).toHaveLength(20);
    const base64 = await save(wb);

    const before = auditCount(app, 'import-create');
    const preview = await app.call('institutions:import-preview', { fileName: '机构名单.xlsx', base64 });
    expect(preview.totalRows).toBe(2000);
    expect(preview.errorRows).toBe(20);
    expect(preview.errors).toHaveLength(20);
    const errors = [...preview.errors].sort((a, b) => a.row - b.row);
    planted.forEach((p, i) => {
      const e = errors[i];
      expect(e, `planted row ${p.row}`).toBeDefined();
      expect(e?.row).toBe(p.row);
      expect(e?.columnLetter).toBe(letter(p.key));
      expect(e?.column).toBe(EXCEL_COLUMNS.find((c) => c.key === p.key)?.header);
      expect(e?.reason).toContain(p.reason);
    });
    expect(preview.validRows).toBe(1980);
    expect(preview.updates.map((u) => u.row)).toEqual([2, 3, 4]);
    expect(preview.updates[0]?.changes.map((c) => c.label).sort()).toEqual(['备注', '床位数']);
    expect(preview.updates[0]?.changes.find((c) => c.field === 'notes')).toMatchObject({ before: '旧备注' });
    expect(preview.unchanged).toBe(2);
    expect(preview.additions).toHaveLength(1975);
    // A preview writes nothing.
    expect((await app.call('institutions:list', {})).total).toBe(6);
    expect(auditCount(app, 'import-create')).toBe(before);

    const result = await app.call('institutions:import-commit', { fileName: '机构名单.xlsx', base64 });
    expect(result).toMatchObject({ added: 1975, updated: 3, unchanged: 2, skippedErrorRows: 20 });
    expect((await app.call('institutions:list', {})).total).toBe(6 + 1975);
    expect(auditCount(app, 'import-create')).toBe(1975);
    expect(auditCount(app, 'import-update')).toBe(3);
    const updatedLog = await app.call('audit:list', { entity: 'institution', entityId: result.updates[0]?.id ?? '' });
    expect(updatedLog[0]).toMatchObject({
      action: 'import-update',
      reason: 'Excel 导入：机构名单.xlsx',
      before: { notes: '旧备注' },
      after: { notes: at(2).notes },
    });
    // None of the bad rows got in.
    for (const p of planted) {
      const hit = await app.call('institutions:list', { query: at(p.row).uscc });
      if (p.row !== 1901 && p.row !== 701 && p.row !== 801 && p.row !== 901) expect(hit.total, `row ${p.row}`).toBe(0);
    }
  }, 60_000);

  it('commits all valid rows or none: a failure inside the transaction leaves the database as it was', async () => {
    app = await createSignedInApp();
    const towns = await app.call('towns:list', {});
    const existing = await app.call('institutions:create', demoInstitutionFields(towns, 1, 5)[0] as InstitutionFields);
    const wb = await load(await demoImportFile(towns, 50, 5));
    const ws = wb.getWorksheet('机构档案');
    if (!ws) throw new Error('no data sheet');
    ws.getCell(`${letter('bedCount')}2`).value = existing.bedCount + 1; // row 2 updates the existing one
    const base64 = await save(wb);
    const lastName = demoInstitutionFields(towns, 50, 5)[49]?.name ?? '';
    // A real SQLite failure on the last insert (disk full, a constraint another module adds...).
    app.database.sqlite.exec(
      `CREATE TRIGGER fail_last BEFORE INSERT ON institutions WHEN NEW.name = '${lastName}' BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
    );
    const auditRows = () =>
      (app?.database.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    const auditBefore = auditRows();
    const r = await app.raw('institutions:import-commit', { fileName: 'x.xlsx', base64 });
    expect(r.ok).toBe(false);
    expect((await app.call('institutions:list', {})).total).toBe(1);
    expect((await app.call('institutions:get', { id: existing.id })).institution.bedCount).toBe(existing.bedCount);
    expect(auditRows()).toBe(auditBefore);
  });

  it('refuses a file in which no row is valid', async () => {
    app = await createSignedInApp();
    const towns = await app.call('towns:list', {});
    const wb = await load(await demoImportFile(towns, 3, 1));
    const ws = wb.getWorksheet('机构档案');
    if (!ws) throw new Error('no data sheet');
    for (const r of [2, 3, 4]) ws.getCell(`${letter('townId')}${r}`).value = '不存在镇';
    const r = await app.raw('institutions:import-commit', { fileName: 'bad.xlsx', base64: await save(wb) });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(!r.ok && r.error.message).toContain('3 行全部有错误');
  });
});

describe('Excel export → import round trip', () => {
  it('re-imports an export with zero changes and leaves every stored value as it was', async () => {
    app = await createSignedInApp();
    await createDemoInstitutions(app.registry.deps, 300, 77);
    const towns = await app.call('towns:list', {});
    // Edge values a real register contains: empty optionals, every switch on, multi-line notes, text that looks
    // like a formula or a number.
    const base = demoInstitutionFields(towns, 1, 1234)[0] as InstitutionFields;
    await app.call('institutions:create', {
      ...base,
      name: '浦东新区“阳光”长者照护之家（第2分部）',
      licenceNo: null,
      licenceDate: null,
      legalRepresentative: null,
      contactPhone: '(021) 5012-3456',
      buildingYear: null,
      buildingStoreys: null,
      buildingStructure: null,
      buildingShared: true,
      hasCanteen: true,
      hasClinic: true,
      hasLifts: true,
      hasPipedGas: true,
      hasLpg: true,
      hasOxygen: true,
      hasEbikeParking: true,
      arcFaultDetection: true,
      arcFaultDetectionDate: '2025-02-28',
      electricalFireMonitoring: true,
      electricalFireMonitoringDate: '2024-02-29',
      notes: '=1+1 不是公式\n第二行：0012',
      status: '停业整顿',
    });
    const archived = await app.call('institutions:create', {
      ...(demoInstitutionFields(towns, 1, 4321)[0] as InstitutionFields),
    });
    await app.call('institutions:archive', { id: archived.id, archived: true });

    const before = await allInstitutions(app);
    const file = await app.call('institutions:export', { includeArchived: true });
    expect(file.count).toBe(302);
    expect(file.fileName).toMatch(/^机构档案_\d{8}\.xlsx$/);
    const preview = await app.call('institutions:import-preview', { fileName: file.fileName, base64: file.base64 });
    expect(preview).toMatchObject({
      totalRows: 302,
      errors: [],
      additions: [],
      updates: [],
      unchanged: 302,
      warnings: [],
    });
    const result = await app.call('institutions:import-commit', { fileName: file.fileName, base64: file.base64 });
    expect(result).toMatchObject({ added: 0, updated: 0, unchanged: 302 });
    const after = await allInstitutions(app);
    expect(after).toEqual(before);
    expect(after.map(editable)).toEqual(before.map(editable));
  }, 60_000);

  it('exports only the filtered list, with the template columns', async () => {
    app = await createSignedInApp();
    const towns = await app.call('towns:list', {});
    await createDemoInstitutions(app.registry.deps, 120, 3);
    const town = towns[5];
    if (!town) throw new Error('no towns');
    const filter = { townIds: [town.id], types: ['民办' as const] };
    const expected = await app.call('institutions:list', { ...filter, pageSize: 200 });
    const file = await app.call('institutions:export', filter);
    expect(file.count).toBe(expected.total);
    expect(file.fileName).toContain('筛选');
    const wb = await load(file.base64);
    const ws = wb.getWorksheet('机构档案');
    const header = (ws?.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(EXCEL_COLUMNS.map((c) => (c.required ? `${c.header}*` : c.header)));
    expect(ws?.actualRowCount).toBe(expected.total + 1);
    const names: string[] = [];
    ws?.eachRow((row, n) => {
      if (n > 1) names.push(String(row.getCell(1).value));
    });
    expect(names.sort()).toEqual(expected.items.map((i) => i.name).sort());
  });
});

describe('Excel template and unusable files', () => {
  it('gives a template with the columns, drop-downs and instructions, which imports once filled', async () => {
    app = await createSignedInApp();
    const template = await app.call('institutions:template', {});
    expect(template.fileName).toBe('机构档案导入模板.xlsx');
    const wb = await load(template.base64);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['机构档案', '填写说明', '街镇']);
    const ws = wb.getWorksheet('机构档案');
    if (!ws) throw new Error('no data sheet');
    expect(ws.getCell('B1').value).toBe('统一社会信用代码*');
    expect(ws.getCell(`${letter('type')}2`).dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"公办,公建民营,民办"'],
    });
    expect(ws.getCell(`${letter('townId')}2`).dataValidation).toMatchObject({ type: 'list' });
    expect(wb.getWorksheet('街镇')?.actualRowCount).toBe(36);

    const towns = await app.call('towns:list', {});
    const f = demoInstitutionFields(towns, 1, 8)[0] as InstitutionFields;
    ws.getCell('A2').value = f.name;
    ws.getCell('B2').value = f.uscc.toLowerCase();
    ws.getCell(`${letter('address')}2`).value = f.address;
    ws.getCell(`${letter('townId')}2`).value = '川沙新镇';
    ws.getCell(`${letter('type')}2`).value = '公办';
    ws.getCell(`${letter('bedCount')}2`).value = 120;
    ws.getCell(`${letter('licenceDate')}2`).value = new Date(Date.UTC(2021, 4, 6));
    ws.getCell(`${letter('arcFaultDetection')}2`).value = '是';
    ws.getCell(`${letter('arcFaultDetectionDate')}2`).value = '2025年3月1日';
    const result = await app.call('institutions:import-commit', { fileName: '模板.xlsx', base64: await save(wb) });
    expect(result).toMatchObject({ added: 1, updated: 0 });
    const [item] = (await app.call('institutions:list', {})).items;
    const got = (await app.call('institutions:get', { id: item?.id ?? '' })).institution;
    expect(got).toMatchObject({
      uscc: f.uscc,
      townName: '川沙新镇',
      bedCount: 120,
      licenceDate: '2021-05-06',
      arcFaultDetection: true,
      arcFaultDetectionDate: '2025-03-01',
      status: '运营',
      residentsSelfCare: 0,
      hasCanteen: false,
    });
  });

  it('explains files that are empty, not spreadsheets, old .xls, header-only, too long or too large', async () => {
    app = await createSignedInApp();
    const attempt = async (fileName: string, base64: string) => {
      const r = await app!.raw('institutions:import-preview', { fileName, base64 });
      expect(r.ok).toBe(false);
      return r.ok ? '' : r.error.message;
    };
    expect(await attempt('空.xlsx', '')).toContain('是空文件');
    expect(await attempt('名单.csv', Buffer.from('机构名称,地址\n某某敬老院,浦东').toString('base64'))).toContain(
      '不是 Excel 表格',
    );
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]);
    expect(await attempt('旧表.xls', ole.toString('base64'))).toContain('另存为 .xlsx');
    const fakeZip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 7)]);
    expect(await attempt('坏.xlsx', fakeZip.toString('base64'))).toMatch(/无法读取文件|没有数据/);

    const template = await app.call('institutions:template', {});
    expect(await attempt('空模板.xlsx', template.base64)).toContain('只有表头，没有数据行');

    const other = new ExcelJS.Workbook();
    other.addWorksheet('Sheet1').addRow(['姓名', '电话']).commit();
    other.getWorksheet('Sheet1')?.addRow(['张三', '123']);
    expect(await attempt('别的表.xlsx', await save(other))).toContain(
      '缺少必填列：机构名称、统一社会信用代码、地址、街镇、机构类型、床位数',
    );

    const long = new ExcelJS.Workbook();
    const sheet = long.addWorksheet('机构档案');
    sheet.addRow(EXCEL_COLUMNS.map((c) => c.header));
    for (let i = 0; i < 20_001; i++) sheet.addRow([`机构${i}`]);
    expect(await attempt('超长.xlsx', await save(long))).toContain('超过单次导入 20000 行的上限');

    const huge = Buffer.alloc(10 * 1024 * 1024 + 1, 1).toString('base64');
    const r = await app.raw('institutions:import-preview', { fileName: '巨大.xlsx', base64: huge });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toContain('超过 10 MB');
    expect((await app.call('institutions:list', {})).total).toBe(0);
    expect(auditCount(app, 'import-create')).toBe(0);
  }, 60_000);
});
