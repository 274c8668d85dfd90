import { finishedInspection } from '../services/documents/support';
import { DocumentsPage } from './pages/documents-page';
import { expect, test } from './support/fixtures';

test('文书报告: issue a notice for a finished inspection, see its number, verify its code on 核验', async ({
  signedInPage: page,
  app,
}) => {
  const { world } = await finishedInspection(app);
  const docs = new DocumentsPage(page);
  await docs.open('签发文书');
  await expect(docs.inspectionRow(world.institutionName)).toContainText('无');

  await docs.issueNotice(world.institutionName);
  await expect(docs.issuedLine()).toContainText('已签发 浦民养整〔2026〕第001号');
  const [issued] = await app.call('documents:list', { kind: 'rectification-notice' });
  expect(issued).toBeDefined();
  const code = issued?.verificationCode ?? '';
  await expect(docs.issuedLine()).toContainText(code);
  await expect(docs.inspectionRow(world.institutionName)).toContainText('浦民养整〔2026〕第001号');
  await page.screenshot({ path: 'test-results/documents-issue.png', fullPage: true });

  await docs.tab('文书台账');
  await expect(docs.register()).toContainText('浦民养整〔2026〕第001号');
  await expect(docs.register()).toContainText(code);
  await page.screenshot({ path: 'test-results/documents-register.png', fullPage: true });

  // The code as someone types it from paper: lower case, a space instead of the hyphen.
  await docs.tab('核验');
  await docs.verify(code.toLowerCase().replace('-', ' '));
  await expect(docs.result()).toContainText('核验通过');
  await expect(docs.result()).toContainText('浦民养整〔2026〕第001号');
  await expect(docs.result()).toContainText(world.institutionName);
  await expect(docs.result()).toContainText('有效');
  await page.screenshot({ path: 'test-results/documents-verify.png', fullPage: true });

  // A typo is told apart from an unknown document.
  const c = code.replace('-', '');
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  await docs.verify(`${c.slice(0, 2)}${alphabet[(alphabet.indexOf(c[2] ?? '0') + 1) % 32]}${c.slice(3)}`);
  await expect(docs.result()).toContainText('核验未通过');
  await expect(docs.result()).toContainText('校验位不符');

  const audit = await app.call('audit:list', { entity: 'document' });
  expect(audit.map((a) => a.action)).toEqual(['issue']);
});
