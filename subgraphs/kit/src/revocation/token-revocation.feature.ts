import { tokenRevocationsMigration } from '../migrations';
import { defineFeature } from '../module/level-feature';
import { TokenRevocationEntity } from './token-revocation.entity';
import { tokenRevocationModule } from './token-revocation.module';

/**
 * 令牌撤销 The platform's deny-list (city only): the mutations that revoke a token or a subject's
 * sessions, and the table the gateway and every subgraph read it from (`GET /revocations`).
 */
export const tokenRevocationFeature = defineFeature({
  name: 'tokenRevocation',
  migrations: [tokenRevocationsMigration],
  entities: [TokenRevocationEntity],
  build: () => [tokenRevocationModule],
});
