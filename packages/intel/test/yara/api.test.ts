import { auditLogs } from '@assay/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { addMember, signUp } from '../../../../test/support/client.ts';
import { intelIndicators, intelRelationships } from '../../src/schema.ts';
import { yaraPatterns } from '../../src/yara/indicators.ts';
import { poll, sendBytes } from '../agents/helpers.ts';

const RULES = `rule loader_marker : loader {
  meta:
    family = "stage-loader"
  strings:
    $mz = { 4D 5A }
    $drop = "stage2.bin"
  condition:
    $mz at 0 and $drop
}

rule beacon_path {
  strings:
    $p = "/gate.php?id=" ascii
  condition:
    $p
}
`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await t.startWorker();
});
afterAll(async () => {
  await t?.close();
});

async function project(api: Awaited<ReturnType<typeof signUp>>['api'], name = 'yara') {
  return (await api.post('/v1/projects', { name })).body.id as string;
}

describe('YARA rule sets', () => {
  it('stores a compiled set, makes each rule a yara indicator linked to the set, and audits it', async () => {
    const owner = await signUp(t.url, 'yara-owner');
    const projectId = await project(owner.api);
    const created = await owner.api.post('/v1/intel/yara/rule-sets', {
      project_id: projectId,
      name: 'Loaders',
      source: RULES,
    });
    expect(created.status).toBe(201);
    expect(created.body.rules.map((r: { name: string }) => r.name)).toEqual(['loader_marker', 'beacon_path']);
    expect(created.body.rule_count).toBe(2);

    const indicators = await t.platform.db
      .select()
      .from(intelIndicators)
      .where(and(eq(intelIndicators.orgId, owner.orgId), eq(intelIndicators.type, 'yara')));
    expect(indicators.map((i) => i.value).sort()).toEqual(['beacon_path', 'loader_marker']);
    expect(indicators.map((i) => i.id).sort()).toEqual([...created.body.indicator_ids].sort());
    // The indicator API lists, filters and searches them like any other type.
    const listed = await owner.api.get('/v1/intel/indicators?type=yara');
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((i: { value: string }) => i.value).sort()).toEqual([
      'beacon_path',
      'loader_marker',
    ]);
    const everything = await owner.api.get('/v1/intel/indicators');
    expect(everything.status).toBe(200);
    const searched = await owner.api.get('/v1/intel/search?q=loader_marker');
    expect(searched.status).toBe(200);
    const links = await t.platform.db
      .select()
      .from(intelRelationships)
      .where(
        and(eq(intelRelationships.orgId, owner.orgId), eq(intelRelationships.targetRef, created.body.id)),
      );
    expect(links).toHaveLength(2);
    expect(links.every((l) => l.type === 'defined-in' && l.targetType === 'yara_rule_set')).toBe(true);

    const patterns = await yaraPatterns(t.platform.db, owner.orgId, created.body.indicator_ids);
    expect([...patterns.values()].map((p) => p.source)).toEqual([RULES, RULES]);
    expect(
      await yaraPatterns(
        t.platform.db,
        (await signUp(t.url, 'yara-nobody')).orgId,
        created.body.indicator_ids,
      ),
    ).toEqual(new Map());

    const detail = await owner.api.get(`/v1/intel/yara/rule-sets/${created.body.id}`);
    expect(detail.body.source).toBe(RULES);

    // The same rule in a second set is one indicator seen twice; deleting that set keeps it.
    const second = await owner.api.post('/v1/intel/yara/rule-sets', {
      project_id: projectId,
      name: 'Copy',
      source: 'rule beacon_path { condition: true }',
    });
    expect(second.status).toBe(201);
    const [shared] = await t.platform.db
      .select()
      .from(intelIndicators)
      .where(and(eq(intelIndicators.orgId, owner.orgId), eq(intelIndicators.value, 'beacon_path')));
    expect(shared.sightings).toBe(2);
    expect((await owner.api.delete(`/v1/intel/yara/rule-sets/${second.body.id}`)).status).toBe(204);

    // Replacing the source drops the rule that is gone from the knowledge.
    const updated = await owner.api.patch(`/v1/intel/yara/rule-sets/${created.body.id}`, {
      source: 'rule loader_marker { strings: $a = "stage2.bin" condition: $a }',
    });
    expect(updated.status).toBe(200);
    const after = await t.platform.db
      .select({ value: intelIndicators.value })
      .from(intelIndicators)
      .where(and(eq(intelIndicators.orgId, owner.orgId), eq(intelIndicators.type, 'yara')));
    expect(after.map((i) => i.value)).toEqual(['loader_marker']);

    const audits = await t.platform.db
      .select({ action: auditLogs.action })
      .from(auditLogs)
      .where(eq(auditLogs.orgId, owner.orgId));
    const actions = audits.map((a) => a.action);
    for (const action of [
      'intel.yara_rule_set.create',
      'intel.yara_rule_set.update',
      'intel.yara_rule_set.delete',
    ])
      expect(actions).toContain(action);

    const duplicate = await owner.api.post('/v1/intel/yara/rule-sets', {
      project_id: projectId,
      name: 'Loaders',
      source: RULES,
    });
    expect(duplicate.status).toBe(409);
  });

  it('refuses rules that do not compile with each error line and column, and writes nothing', async () => {
    const owner = await signUp(t.url, 'yara-bad');
    const projectId = await project(owner.api);
    const bad = await owner.api.post('/v1/intel/yara/rule-sets', {
      project_id: projectId,
      name: 'Broken',
      source:
        'rule ok { condition: true }\n\nrule broken {\n  strings:\n    $a = "x"\n  condition:\n    $b\n}\n',
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('VALIDATION_ERROR');
    expect(bad.body.error.details[0]).toMatchObject({ field: 'source' });
    expect(bad.body.error.details[0].message).toMatch(/^line 7, column 5: /);
    expect(bad.body.error.compile_errors[0]).toMatchObject({ line: 7, column: 5 });

    const include = await owner.api.post('/v1/intel/yara/rule-sets', {
      project_id: projectId,
      name: 'Include',
      source: 'include "/etc/passwd"\nrule x { condition: true }',
    });
    expect(include.status).toBe(422);
    const empty = await owner.api.post('/v1/intel/yara/rule-sets', {
      project_id: projectId,
      name: 'Empty',
      source: '// nothing',
    });
    expect(empty.status).toBe(422);
    expect(empty.body.error.message).toMatch(/no rule/);
    const missing = await owner.api.post('/v1/intel/yara/rule-sets', { project_id: projectId, name: 'x' });
    expect(missing.status).toBe(422);

    const listed = await owner.api.get(`/v1/intel/yara/rule-sets?project_id=${projectId}`);
    expect(listed.body.data).toEqual([]);
    const indicators = await t.platform.db
      .select()
      .from(intelIndicators)
      .where(eq(intelIndicators.orgId, owner.orgId));
    expect(indicators).toEqual([]);
  });

  it('accepts a rule file sent as text, and enforces roles and tenants', async () => {
    const owner = await signUp(t.url, 'yara-roles');
    const projectId = await project(owner.api);
    const file = await sendBytes(
      t.url,
      owner,
      `/v1/intel/yara/rule-sets/file?project_id=${projectId}&filename=webshells.yar`,
      RULES,
      'text/plain',
    );
    expect(file.status).toBe(201);
    expect(file.body.name).toBe('webshells');
    const bytes = await sendBytes(
      t.url,
      owner,
      `/v1/intel/yara/rule-sets/file?project_id=${projectId}&name=Raw`,
      Buffer.from(RULES),
      'application/octet-stream',
    );
    expect(bytes.status).toBe(201);
    expect(bytes.body.rule_count).toBe(2);
    const badFile = await sendBytes(
      t.url,
      owner,
      `/v1/intel/yara/rule-sets/file?project_id=${projectId}&name=Bad`,
      'rule x {\n  condition:\n    $nothing\n}',
      'text/plain',
    );
    expect(badFile.status).toBe(422);
    expect(badFile.body.error.details[0].message).toMatch(/^line 3, column 5: /);

    const viewer = await addMember(t.url, owner, t.mail, 'viewer');
    expect((await viewer.api.get(`/v1/intel/yara/rule-sets/${file.body.id}`)).status).toBe(200);
    const denied = await viewer.api.post('/v1/intel/yara/rule-sets', {
      project_id: projectId,
      name: 'v',
      source: RULES,
    });
    expect(denied.status).toBe(403);
    expect(
      (
        await sendBytes(
          t.url,
          viewer,
          `/v1/intel/yara/scans?project_id=${projectId}&filename=a.bin`,
          'MZ',
          'application/octet-stream',
        )
      ).status,
    ).toBe(403);
    const editor = await addMember(t.url, owner, t.mail, 'editor');
    const byEditor = await editor.api.post('/v1/intel/yara/rule-sets', {
      project_id: projectId,
      name: 'e',
      source: RULES,
    });
    expect(byEditor.status).toBe(201);

    const other = await signUp(t.url, 'yara-other');
    expect((await other.api.get(`/v1/intel/yara/rule-sets/${file.body.id}`)).status).toBe(404);
    expect((await other.api.delete(`/v1/intel/yara/rule-sets/${file.body.id}`)).status).toBe(404);
    const otherProject = await other.api.post('/v1/intel/yara/rule-sets', {
      project_id: projectId,
      name: 'x',
      source: RULES,
    });
    expect(otherProject.status).toBe(404);
    expect((await other.api.get('/v1/intel/yara/rule-sets')).body.data).toEqual([]);
  });
});

describe('YARA scans', () => {
  it('scans an uploaded file in the worker and lists the rules, strings and offsets that matched', async () => {
    const owner = await signUp(t.url, 'scan-owner');
    const projectId = await project(owner.api);
    const set = await owner.api.post('/v1/intel/yara/rule-sets', {
      project_id: projectId,
      name: 'Loaders',
      source: RULES,
    });
    const sample = Buffer.concat([Buffer.from([0x4d, 0x5a, 0x90, 0x00]), Buffer.from('....stage2.bin....')]);
    const started = await sendBytes(
      t.url,
      owner,
      `/v1/intel/yara/scans?project_id=${projectId}&filename=sample.exe&rule_set_ids=${set.body.id}`,
      sample,
      'application/octet-stream',
    );
    expect(started.status).toBe(202);
    expect(started.body.status).toBe('queued');
    const done = await poll(
      async () => (await owner.api.get(`/v1/intel/yara/scans/${started.body.id}`)).body,
      (s) => s.status !== 'queued',
      'scan',
    );
    expect(done.status).toBe('completed');
    expect(done.match_count).toBe(1);
    expect(done.matches[0]).toMatchObject({
      rule_set_id: set.body.id,
      rule_set: 'Loaders',
      rule: 'loader_marker',
      tags: ['loader'],
      meta: { family: 'stage-loader' },
    });
    expect(done.matches[0].strings).toEqual([
      { identifier: '$mz', offset: 0, length: 2 },
      { identifier: '$drop', offset: 8, length: 10 },
    ]);
    const listed = await owner.api.get(`/v1/intel/yara/scans?project_id=${projectId}`);
    expect(listed.body.data.map((s: { id: string }) => s.id)).toEqual([started.body.id]);

    const clean = await sendBytes(
      t.url,
      owner,
      `/v1/intel/yara/scans?project_id=${projectId}&filename=clean.txt`,
      'hello',
      'application/octet-stream',
    );
    const cleanDone = await poll(
      async () => (await owner.api.get(`/v1/intel/yara/scans/${clean.body.id}`)).body,
      (s) => s.status !== 'queued',
      'clean scan',
    );
    expect(cleanDone).toMatchObject({ status: 'completed', match_count: 0, matches: [] });

    const other = await signUp(t.url, 'scan-other');
    expect((await other.api.get(`/v1/intel/yara/scans/${started.body.id}`)).status).toBe(404);
    expect((await owner.api.delete(`/v1/intel/yara/scans/${clean.body.id}`)).status).toBe(204);
  });

  it('refuses empty, oversize and unscoped uploads, and fails a scan with no rule set', async () => {
    const owner = await signUp(t.url, 'scan-bad');
    const projectId = await project(owner.api);
    const path = `/v1/intel/yara/scans?project_id=${projectId}&filename=x.bin`;
    const empty = await sendBytes(t.url, owner, path, Buffer.alloc(0), 'application/octet-stream');
    expect(empty.status).toBe(422);
    const huge = await sendBytes(
      t.url,
      owner,
      path,
      Buffer.alloc(16 * 1024 * 1024 + 1),
      'application/octet-stream',
    );
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    const noFilename = await sendBytes(
      t.url,
      owner,
      `/v1/intel/yara/scans?project_id=${projectId}`,
      'MZ',
      'application/octet-stream',
    );
    expect(noFilename.status).toBe(422);
    const badIds = await sendBytes(
      t.url,
      owner,
      `${path}&rule_set_ids=nope`,
      'MZ',
      'application/octet-stream',
    );
    expect(badIds.status).toBe(422);
    const unknownSet = await sendBytes(
      t.url,
      owner,
      `${path}&rule_set_ids=0190a1b2-0000-7000-8000-000000000000`,
      'MZ',
      'application/octet-stream',
    );
    expect(unknownSet.status).toBe(404);
    expect((await owner.api.get('/v1/intel/yara/scans')).body.data).toEqual([]);

    const lonely = await sendBytes(t.url, owner, path, 'MZ', 'application/octet-stream');
    expect(lonely.status).toBe(202);
    const failed = await poll(
      async () => (await owner.api.get(`/v1/intel/yara/scans/${lonely.body.id}`)).body,
      (s) => s.status !== 'queued',
      'scan without rules',
    );
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/no YARA rule set/);
  });
});
