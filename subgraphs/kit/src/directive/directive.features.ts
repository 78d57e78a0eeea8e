import { directiveCascadesMigration, directiveResponsesMigration, directivesIssuedMigration } from '../migrations';
import { defineFeature } from '../module/level-feature';
import type { ClassType } from '../pagination/connection';
import { DirectiveResponseEntity } from './directive-response.entity';
import { DirectiveEntity } from './directive.entity';
import { createDirectiveCascadeModule } from './directive-cascade.module';
import { createDirectiveIssuerModule } from './directive-issuer.module';
import { createDirectiveResponderModule } from './directive-responder.module';
import { createDirectiveTasksModule } from './directive-tasks.module';

/**
 * 任务下达 Directives this level issues to the level below (city, district). `addresseeType` is
 * the subgraph's stub of the level below's jurisdiction type. The cascade index lives on the
 * issued directives' table, so its migration belongs here.
 */
export function directiveIssuerFeature(addresseeType: ClassType) {
  return defineFeature({
    name: 'directiveIssuer',
    migrations: [directivesIssuedMigration, directiveCascadesMigration],
    entities: [DirectiveEntity],
    build(build) {
      const module = createDirectiveIssuerModule({ ...build.level, addresseeType });
      build.provide({ DirectiveType: module.DirectiveType });
      return [module];
    },
  });
}

/** 任务响应 This level's answers and progress on the directives from the level above (district, street). */
export const directiveResponderFeature = defineFeature({
  name: 'directiveResponder',
  migrations: [directiveResponsesMigration],
  entities: [DirectiveResponseEntity],
  needsLoaders: ['jurisdictionByCode'],
  build(build) {
    const module = createDirectiveResponderModule(build.level);
    build.provide({ IssuedDirectiveRef: module.IssuedDirectiveRef, DirectiveResponseType: module.ResponseType });
    return [module];
  },
});

/** 任务转发 A district passing a city directive on to its streets: links the issuer's and responder's types. */
export const directiveCascadeFeature = defineFeature({
  name: 'directiveCascade',
  migrations: [],
  entities: [],
  needsLoaders: ['directivesByParent'],
  build(build) {
    if (build.level.level !== 'district') throw new Error('only the district, in the middle of the chain, cascades directives');
    return [
      createDirectiveCascadeModule({
        level: 'district',
        directiveType: build.need('DirectiveType', 'directiveCascade'),
        issuedDirectiveType: build.need('IssuedDirectiveRef', 'directiveCascade'),
        responseType: build.need('DirectiveResponseType', 'directiveCascade'),
      }),
    ];
  },
});

/**
 * 任务落实指令 Tasks naming the directive they answer, and the directive's answering tasks: listed
 * after the directive features of the level (it links the task type with the directive types).
 */
export const directiveTasksFeature = defineFeature({
  name: 'directiveTasks',
  migrations: [],
  entities: [],
  needsLoaders: ['tasksByDirective'],
  build(build) {
    return [
      createDirectiveTasksModule({
        level: build.level.level,
        TaskType: build.need('TaskType', 'directiveTasks'),
        DirectiveType: build.find('DirectiveType'),
        IssuedDirectiveRef: build.find('IssuedDirectiveRef'),
      }),
    ];
  },
});
