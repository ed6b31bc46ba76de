/**
 * docs/ADMIN.md is what admins copy: each JSON example in it must be a policy Chrome accepts
 * against the extension's schema (public/managed-schema.json, which Chrome enforces: a value it
 * does not allow never reaches the extension) and one the extension reads with no problem, and
 * the guide and the schema must name the same settings the worker reads (lib/shared/managed.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { MANAGED_KEYS } from '@/lib/shared/managed';
import { parsePolicy } from '@/lib/worker/settings/managed-policy';
import { GECKO_ID } from '@/wxt.config.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const guide = readFileSync(path.join(ROOT, 'docs/ADMIN.md'), 'utf8');
const schema = JSON.parse(readFileSync(path.join(ROOT, 'public/managed-schema.json'), 'utf8'));

/** Every ```json block of the guide, parsed. */
const examples = [...guide.matchAll(/```json\n([\s\S]*?)```/g)].map(
  (match) => JSON.parse(match[1]!) as Record<string, unknown>,
);

/** The extension's own policy in each kind of example: bare, a Chrome file, a policies.json. */
function extensionPolicy(example: Record<string, unknown>): unknown {
  const chrome = example['3rdparty'] as { extensions: Record<string, unknown> } | undefined;
  if (chrome) return chrome.extensions['<extension id>'];
  const firefox = example.policies as
    { '3rdparty': { Extensions: Record<string, unknown> } } | undefined;
  if (firefox) return firefox['3rdparty'].Extensions[GECKO_ID];
  return example;
}

// Chrome ignores a key the schema does not declare: here it fails, so a typo cannot ship.
const validate = new Ajv({ allErrors: true }).compile({ ...schema, additionalProperties: false });

describe('docs/ADMIN.md', () => {
  it('has a bare example, a Chrome policy file and a Firefox policies.json', () => {
    expect(examples).toHaveLength(3);
    expect(examples.map((example) => Object.keys(example)[0])).toEqual([
      'apiBaseUrl',
      'ExtensionInstallForcelist',
      'policies',
    ]);
  });

  it.each(examples.map((example, index) => [index + 1, example] as const))(
    'example %i is allowed by public/managed-schema.json and read with no problem',
    (_n, example) => {
      const policy = extensionPolicy(example);
      expect(validate(policy), JSON.stringify(validate.errors)).toBe(true);
      const read = parsePolicy(policy);
      expect(read.problems).toEqual([]);
      expect(read.broken.size).toBe(0);
      // The complete example: every setting, each one read.
      expect(Object.keys(read.values).sort()).toEqual([...MANAGED_KEYS].sort());
    },
  );

  it('puts the same settings in every example', () => {
    const [first, ...rest] = examples.map(extensionPolicy);
    for (const other of rest) expect(other).toEqual(first);
  });

  it('explains every setting of the schema, and the schema declares what the worker reads', () => {
    const declared = Object.keys(schema.properties);
    expect(declared.sort()).toEqual([...MANAGED_KEYS, 'locked'].sort());
    for (const key of declared) expect(guide).toMatch(new RegExp(`^\\| \`${key}\` +\\|`, 'm'));
  });
});
