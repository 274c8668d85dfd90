import type { InstitutionFeatures, ResolvedTemplate, TemplateSnapshot } from '../../api';

/**
 * Picks what applies to one institution from a frozen template: a section with conditions is switched on when
 * the institution has any of the listed features (燃气 applies with piped gas or with LPG), and off otherwise;
 * a section without conditions always applies. Pure, so the inspection module and the preview use the same rule.
 */
export function resolveTemplateForInstitution(
  snapshot: TemplateSnapshot,
  institutionFeatures: InstitutionFeatures,
): ResolvedTemplate {
  const sections: ResolvedTemplate['sections'] = [];
  const excluded: ResolvedTemplate['excluded'] = [];
  for (const section of snapshot.sections) {
    const applies =
      section.appliesWhen.length === 0 || section.appliesWhen.some((feature) => institutionFeatures[feature] === true);
    if (applies) sections.push(section);
    else excluded.push({ key: section.key, title: section.title, appliesWhen: section.appliesWhen });
  }
  return { sections, excluded, itemCount: sections.reduce((n, s) => n + s.items.length, 0) };
}
