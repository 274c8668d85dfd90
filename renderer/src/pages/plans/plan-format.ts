import type { PlanStatus } from '../../../../electron/api';

/** Tag colour of each plan state. */
export const planStatusColors: Record<PlanStatus, string> = {
  草稿: 'default',
  已抽取: 'blue',
  进行中: 'processing',
  已完成: 'green',
  已作废: 'red',
};

/** Tag colour of each assignment state. */
export const assignmentStatusColors: Record<string, string> = {
  未开始: 'default',
  进行中: 'processing',
  已完成: 'green',
};
