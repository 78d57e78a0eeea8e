import type { RequestHandler } from 'express';
import type { Registry } from 'prom-client';
import { GATEWAY_SECRET_HEADER, isGatewaySecret } from '../auth/gateway-secret';

/**
 * `/metrics` for Prometheus, not for the public: the scraper proves itself with the gateway
 * secret, as `Authorization: Bearer <secret>` (Prometheus' `authorization` setting) or in the
 * gateway's own header. Anyone else gets 404, as if there were nothing here.
 */
export function metricsEndpoint(registry: Registry, gatewaySecret: string): RequestHandler {
  return async (req, res) => {
    const bearer = /^Bearer (.+)$/.exec(req.header('authorization') ?? '')?.[1];
    if (!isGatewaySecret(bearer ?? req.header(GATEWAY_SECRET_HEADER), gatewaySecret)) {
      res.status(404).type('text/plain').send('not found');
      return;
    }
    res.type(registry.contentType).send(await registry.metrics());
  };
}
