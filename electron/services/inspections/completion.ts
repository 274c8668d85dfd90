import type {
  InspectionAnswer,
  InspectionCompletion,
  InspectionPhoto,
  InspectionSignature,
  SnapshotSection,
} from '../../api';

/** What the completion check looks at; all plain data, so the check is a pure function. */
export interface CompletionInput {
  sections: SnapshotSection[];
  answers: InspectionAnswer[];
  photos: InspectionPhoto[];
  inspectors: Array<{ id: string; name: string }>;
  representativeName: string;
  signatures: InspectionSignature[];
}

type Problem = InspectionCompletion['problems'][number];

const hasText = (v: string | null): boolean => v !== null && v.trim() !== '';

/**
 * Says exactly what still prevents finishing, in the order an inspector would fix it: per section the required
 * items not yet answered (by number and code), then per 不符合 item the missing description, location,
 * measurement and photos, then the team and the signatures.
 */
export function checkCompletion(input: CompletionInput): InspectionCompletion {
  const problems: Problem[] = [];
  const answers = new Map(input.answers.map((a) => [a.itemKey, a]));
  const photoCount = (itemKey: string, role: InspectionPhoto['role']): number =>
    input.photos.filter((p) => p.itemKey === itemKey && p.role === role).length;

  for (const section of input.sections) {
    const missing = section.items
      .map((item, i) => ({ item, number: i + 1 }))
      .filter(({ item }) => item.required && (answers.get(item.key)?.result ?? null) === null);
    if (missing.length > 0) {
      problems.push({
        kind: 'unanswered',
        message: `「${section.title}」第 ${missing.map((m) => m.number).join('、')} 项未作答（${missing.map((m) => m.item.code).join('、')}）`,
        sectionKey: section.key,
        itemKeys: missing.map((m) => m.item.key),
      });
    }
  }

  for (const section of input.sections) {
    section.items.forEach((item, i) => {
      const answer = answers.get(item.key);
      if (answer?.result !== '不符合') return;
      const label = `「${section.title}」第 ${i + 1} 项（${item.code}）判为不符合`;
      const add = (kind: Problem['kind'], what: string): void => {
        problems.push({ kind, message: `${label}，${what}`, sectionKey: section.key, itemKeys: [item.key] });
      };
      if (!hasText(answer.description)) add('description-missing', '请填写问题描述');
      const located = [answer.locationBuilding, answer.locationFloor, answer.locationRoom, answer.locationText].some(
        hasText,
      );
      if (!located) add('location-missing', '请填写问题位置（楼栋 / 楼层 / 房间或具体位置）');
      if (item.answer.extra === 'measurement' && answer.measurementValue === null) {
        add(
          'measurement-missing',
          `请填写${item.answer.label ?? '测量值'}${item.answer.unit ? `（${item.answer.unit}）` : ''}`,
        );
      }
      if (item.photoRequiredOnFail && photoCount(item.key, 'evidence') === 0)
        add('photo-missing', '需要至少一张现场照片');
      if (answer.fixedOnSpot && photoCount(item.key, 'after-fix') === 0)
        add('after-photo-missing', '已当场整改，需要至少一张整改后照片');
    });
  }

  if (input.inspectors.length < 2) {
    problems.push({
      kind: 'inspectors-too-few',
      message: `检查人员只有 ${input.inspectors.length} 名，执法检查至少需要两名`,
      sectionKey: null,
      itemKeys: [],
    });
  }
  const signed = new Map(input.signatures.map((s) => [s.signerKey, s]));
  for (const inspector of input.inspectors) {
    if (!signed.has(inspector.id)) {
      problems.push({
        kind: 'signature-missing',
        message: `检查人员 ${inspector.name} 尚未签名`,
        sectionKey: null,
        itemKeys: [],
      });
    }
  }
  if (!signed.has('representative')) {
    problems.push({
      kind: 'signature-missing',
      message: `机构陪同人员 ${input.representativeName} 尚未签名（如拒绝签名，请记录拒签原因和见证人）`,
      sectionKey: null,
      itemKeys: [],
    });
  }
  return { complete: problems.length === 0, problems };
}
