#!/usr/bin/env node
// 清单校验 Validates the Kubernetes manifests offline against the Kubernetes API schemas
// (kubernetes-models, which is ES modules only: hence a script of its own).
//   node infra/deploy/check/validate-manifests.mjs [folder]
// Prints one JSON line per object ({ file, kind, name, valid, error? }) and exits 1 if any is invalid.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import * as core from 'kubernetes-models/v1';
import * as apps from 'kubernetes-models/apps/v1';
import * as batch from 'kubernetes-models/batch/v1';
import * as autoscaling from 'kubernetes-models/autoscaling/v2';
import * as policy from 'kubernetes-models/policy/v1';
import * as networking from 'kubernetes-models/networking.k8s.io/v1';

const MODELS = { v1: core, 'apps/v1': apps, 'batch/v1': batch, 'autoscaling/v2': autoscaling, 'policy/v1': policy, 'networking.k8s.io/v1': networking };

/**
 * CloudNativePG's `Cluster` is a custom resource the Kubernetes schemas do not know; the fields
 * this platform relies on are checked here by hand.
 */
function validateCnpgCluster(object) {
  const spec = object.spec ?? {};
  const problems = [];
  if (!Number.isInteger(spec.instances) || spec.instances < 1) problems.push('spec.instances must be an integer ≥ 1');
  if (typeof spec.storage?.size !== 'string') problems.push('spec.storage.size is required');
  if (typeof spec.bootstrap?.initdb?.database !== 'string') problems.push('spec.bootstrap.initdb.database is required');
  if (typeof spec.bootstrap?.initdb?.owner !== 'string') problems.push('spec.bootstrap.initdb.owner is required');
  if (problems.length) throw new Error(problems.join('; '));
}

function validate(object) {
  if (object.apiVersion === 'postgresql.cnpg.io/v1' && object.kind === 'Cluster') return validateCnpgCluster(object);
  if (object.apiVersion === 'kustomize.config.k8s.io/v1beta1') return;
  const Model = MODELS[object.apiVersion]?.[object.kind];
  if (!Model) throw new Error(`no schema for ${object.apiVersion} ${object.kind}`);
  new Model(object).validate();
}

const folder = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'kubernetes');
let failed = false;
for (const file of readdirSync(folder).filter((name) => name.endsWith('.yaml')).sort()) {
  for (const document of parseAllDocuments(readFileSync(join(folder, file), 'utf8'))) {
    const object = document.toJS();
    if (!object) continue;
    const line = { file, apiVersion: object.apiVersion, kind: object.kind, name: object.metadata?.name ?? null };
    try {
      if (document.errors.length) throw new Error(document.errors.map((error) => error.message).join('; '));
      validate(object);
      console.log(JSON.stringify({ ...line, valid: true }));
    } catch (error) {
      failed = true;
      console.log(JSON.stringify({ ...line, valid: false, error: error instanceof Error ? error.message : String(error) }));
    }
  }
}
process.exit(failed ? 1 : 0);
