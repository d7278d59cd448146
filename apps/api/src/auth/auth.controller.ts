import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { LoginResponse, UserResponse } from '@lbi/contracts';
import {
  AuthService,
  LoginDto,
  LoginResponseDto,
  toUserResponse,
  UserResponseDto,
  UsersService,
} from '@lbi/features';
import { AllowPiiFields } from '../http/allow-pii-fields.decorator';
import { LoginThrottlerGuard } from './login-throttler.guard';
import { Public } from './public.decorator';
import { ANY_ROLE, Roles } from './roles.decorator';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Post('login')
  @Public()
  @UseGuards(LoginThrottlerGuard)
  @AllowPiiFields('email')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with email and password; answers a bearer token' })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiUnauthorizedResponse({
    description: 'Email or password is incorrect (the same for every bad credential)',
  })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts for this IP or email; see Retry-After' })
  login(@Body() body: LoginDto): Promise<LoginResponse> {
    return this.auth.login(body.email, body.password, body.client_id);
  }

  @Get('me')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiOkResponse({ type: UserResponseDto })
  async me(): Promise<UserResponse> {
    return toUserResponse(await this.users.me());
  }
}
