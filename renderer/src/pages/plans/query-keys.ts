/** Query key of the inspector roster; every roster change invalidates it. */
export const inspectorsQueryKey = ['inspectors'] as const;

/** Query key of plans (list and details); every plan change invalidates it. */
export const plansQueryKey = ['plans'] as const;
