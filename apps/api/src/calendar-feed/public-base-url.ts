import type { Request } from 'express';
import type { ApiConfig } from '../config/api-config';

/**
 * The origin links are built on: PUBLIC_BASE_URL when set (behind a proxy the request's own
 * origin is the internal one), else the origin the caller used.
 */
export function publicBaseUrl(config: ApiConfig, request: Request): string {
  const base =
    config.publicBaseUrl ??
    `${request.protocol}://${request.get('host') ?? `${config.host}:${config.port}`}`;
  return base.replace(/\/+$/, '');
}
