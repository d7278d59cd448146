import { ExecutionContext, ForbiddenException, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Role } from '@lbi/contracts';
import { Public } from './public.decorator';
import { ANY_ROLE, Roles } from './roles.decorator';
import { RolesGuard } from './roles.guard';

class ExampleController {
  @Roles(Role.Admin)
  adminOnly() {}

  @Roles(...ANY_ROLE)
  anyone() {}

  @Public()
  open() {}

  undeclared() {}
}

@Roles(Role.Admin, Role.Analyst)
class ClassLevelController {
  inherited() {}
}

function contextFor(
  controller: new () => object,
  handler: string,
  user?: { role: Role; userId: string; clientId: string | null },
): ExecutionContext {
  return {
    getHandler: () => (controller.prototype as Record<string, unknown>)[handler],
    getClass: () => controller,
    switchToHttp: () => ({ getRequest: () => ({ user }) }),
  } as unknown as ExecutionContext;
}

const as = (role: Role) => ({ role, userId: 'u', clientId: 'c' });

describe('RolesGuard', () => {
  const guard = new RolesGuard(new Reflector());

  it('lets a role the handler names through', () => {
    expect(guard.canActivate(contextFor(ExampleController, 'adminOnly', as(Role.Admin)))).toBe(true);
    for (const role of ANY_ROLE) {
      expect(guard.canActivate(contextFor(ExampleController, 'anyone', as(role)))).toBe(true);
    }
  });

  it('refuses other roles with 403 naming the roles needed', () => {
    for (const role of [Role.Analyst, Role.Client]) {
      expect(() => guard.canActivate(contextFor(ExampleController, 'adminOnly', as(role)))).toThrow(
        new ForbiddenException(`Your role (${role}) cannot do this; it needs: admin`),
      );
    }
  });

  it('refuses everyone on a protected route that declares no roles (deny by default)', () => {
    expect(() => guard.canActivate(contextFor(ExampleController, 'undeclared', as(Role.Admin)))).toThrow(
      ForbiddenException,
    );
  });

  it('lets public routes through without a user', () => {
    expect(guard.canActivate(contextFor(ExampleController, 'open'))).toBe(true);
  });

  it('answers 401 when a protected route is reached without a user', () => {
    expect(() => guard.canActivate(contextFor(ExampleController, 'adminOnly'))).toThrow(
      UnauthorizedException,
    );
  });

  it('reads roles declared on the controller class', () => {
    expect(guard.canActivate(contextFor(ClassLevelController, 'inherited', as(Role.Analyst)))).toBe(true);
    expect(() => guard.canActivate(contextFor(ClassLevelController, 'inherited', as(Role.Client)))).toThrow(
      ForbiddenException,
    );
  });
});
