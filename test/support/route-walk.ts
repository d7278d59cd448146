import { INestApplication, RequestMethod } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, ModulesContainer } from '@nestjs/core';
import { API_PREFIX } from '@lbi/contracts';
import { IS_PUBLIC_KEY } from '../../apps/api/src/auth/public.decorator';
import { ROLES_KEY } from '../../apps/api/src/auth/roles.decorator';
import { ALLOW_PII_FIELDS_KEY } from '../../apps/api/src/http/allow-pii-fields.decorator';

// @nestjs/common's PATH_METADATA / METHOD_METADATA (not exported from the package root in Nest 12).
const PATH_METADATA = 'path';
const METHOD_METADATA = 'method';

export interface DeclaredRoute {
  /** e.g. `GET /api/v1/users/:id` */
  route: string;
  handler: string;
  isPublic: boolean;
  roles: string[] | undefined;
  /** Body paths exempt from the PII guard on this handler (@AllowPiiFields), usually none. */
  allowPiiFields: string[];
}

const join = (...parts: string[]) =>
  `/${parts
    .flatMap((part) => part.split('/'))
    .filter(Boolean)
    .join('/')}`;

/** Every controller handler of the running app, with its route and its @Public / @Roles metadata. */
export function declaredRoutes(app: INestApplication): DeclaredRoute[] {
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const routes: DeclaredRoute[] = [];
  for (const wrapper of discovery.getControllers()) {
    const { instance, metatype } = wrapper;
    if (!instance || !metatype) continue;
    const prototype = Object.getPrototypeOf(instance);
    const controllerPaths = [Reflect.getMetadata(PATH_METADATA, metatype) ?? '/'].flat() as string[];
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name];
      const methodPath = Reflect.getMetadata(PATH_METADATA, handler);
      if (methodPath === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
      const read = <T>(key: string): T | undefined =>
        Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, metatype);
      for (const controllerPath of controllerPaths) {
        for (const path of [methodPath].flat() as string[]) {
          routes.push({
            route: `${method} ${join(API_PREFIX, controllerPath, path)}`,
            handler: `${metatype.name}.${name}`,
            isPublic: read<boolean>(IS_PUBLIC_KEY) === true,
            roles: read<string[]>(ROLES_KEY),
            // Handler only: an exemption is never inherited from the controller.
            allowPiiFields: Reflect.getMetadata(ALLOW_PII_FIELDS_KEY, handler) ?? [],
          });
        }
      }
    }
  }
  return routes;
}

const ENDPOINT_METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/**
 * Every endpoint registered on the Express router of the running app, e.g. `GET /api/v1/users`.
 * Mounts for every method at once (`app.all`, which is how Nest applies middleware such as the
 * request logger) are middleware, not endpoints, and are left out.
 */
export function registeredExpressRoutes(app: INestApplication): string[] {
  const express = app.getHttpAdapter().getInstance() as {
    router: { stack: { route?: { path: string | string[]; methods: Record<string, boolean> } }[] };
  };
  return express.router.stack.flatMap((layer) => {
    if (!layer.route) return [];
    if (ENDPOINT_METHODS.every((method) => layer.route?.methods[method])) return [];
    const paths = [layer.route.path].flat();
    return Object.keys(layer.route.methods)
      .filter((method) => layer.route?.methods[method])
      .flatMap((method) => paths.map((path) => `${method.toUpperCase()} ${path}`));
  });
}
