import type { ChannelInput, ChannelName, ChannelOutput } from '../../../electron/api';
import type { ServiceDeps } from '../../../electron/services/context';
import {
  createInspectionWorld,
  itemByCode,
  itemKeys,
  makeJpeg,
  makeSignaturePng,
  startWorldInspection,
  type InspectionWorld,
} from '../inspections/fixtures';

/** Anything that calls channels through the real dispatcher (service tests, the e2e app, the bench). */
export interface Caller {
  call: <K extends ChannelName>(channel: K, input: ChannelInput<K>) => Promise<ChannelOutput<K>>;
  registry: { deps: ServiceDeps };
}

/** A finished inspection with its hazards, built through the other modules' channels as a user would. */
export interface FinishedInspection {
  world: InspectionWorld;
  inspectionId: string;
  hazardIds: string[];
}

const b64 = (buf: Buffer): string => buf.toString('base64');

/**
 * Creates the institution, the roster and the template (inspections' fixtures), runs an inspection with three
 * findings — F20 灭火器 and E01 电气线路 with photos, F07 fixed on the spot — signs it and finishes it; then
 * raises E01 to 重大事故隐患 with interim measures through hazards:update.
 */
export async function finishedInspection(
  app: Caller,
  options: { name?: string; orgBody?: string } = {},
): Promise<FinishedInspection> {
  const world = await createInspectionWorld(app, options);
  const detail = await startWorldInspection(app, world);
  const id = detail.summary.id;
  for (const key of itemKeys(detail))
    await app.call('inspections:save-answer', { inspectionId: id, itemKey: key, result: '符合' });
  const f20 = itemByCode(detail, 'F20').key;
  const e01 = itemByCode(detail, 'E01').key;
  const f07 = itemByCode(detail, 'F07').key;
  await app.call('inspections:save-answer', {
    inspectionId: id,
    itemKey: f20,
    result: '不符合',
    description: '二楼走廊2具手提式灭火器压力指针位于红区',
    locationBuilding: '1号楼',
    locationFloor: '2层',
    locationText: '东侧走廊',
    measurementValue: 0.4,
  });
  await app.call('inspections:save-answer', {
    inspectionId: id,
    itemKey: e01,
    result: '不符合',
    description: '洗衣房内私拉电线为电动自行车蓄电池充电，线路未穿管',
    locationBuilding: '1号楼',
    locationFloor: '1层',
    locationText: '洗衣房',
  });
  await app.call('inspections:save-answer', {
    inspectionId: id,
    itemKey: f07,
    result: '不符合',
    description: '疏散指示标志被遮挡',
    locationBuilding: '1号楼',
    locationFloor: '3层',
    locationText: '楼梯口',
    fixedOnSpot: true,
  });
  await app.call('inspections:add-photo', {
    inspectionId: id,
    itemKey: f20,
    base64: b64(await makeJpeg(3, 1600, 1200)),
  });
  await app.call('inspections:add-photo', {
    inspectionId: id,
    itemKey: e01,
    base64: b64(await makeJpeg(5, 1200, 1600)),
  });
  await app.call('inspections:add-photo', { inspectionId: id, itemKey: f07, base64: b64(await makeJpeg(7)) });
  await app.call('inspections:add-photo', {
    inspectionId: id,
    itemKey: f07,
    role: 'after-fix',
    base64: b64(await makeJpeg(8)),
  });
  for (const [i, inspectorId] of world.inspectorIds.entries()) {
    await app.call('inspections:sign', {
      inspectionId: id,
      signer: { role: 'inspector', inspectorId },
      pngDataUrl: await makeSignaturePng(i),
    });
  }
  await app.call('inspections:sign', {
    inspectionId: id,
    signer: { role: 'representative' },
    pngDataUrl: await makeSignaturePng(9),
  });
  const finished = await app.call('inspections:finish', { inspectionId: id });
  const e01Hazard = (await Promise.all(finished.hazardIds.map((h) => app.call('hazards:get', { id: h })))).find(
    (h) => h.hazard.itemKey === e01,
  );
  if (e01Hazard) {
    await app.call('hazards:update', {
      id: e01Hazard.hazard.id,
      reason: '现场复核：充电线路紧邻可燃物，按判定标准第四条（二）认定为重大事故隐患',
      severity: 'major',
      severityRationale: '判定标准第四条（二）：违规私拉电线为电动自行车充电',
      interimMeasures: '立即停止在洗衣房充电并切断该回路电源，安排专人每2小时巡查一次。',
    });
  }
  return { world, inspectionId: id, hazardIds: finished.hazardIds };
}
