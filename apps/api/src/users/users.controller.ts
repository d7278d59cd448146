import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Role, type UserResponse } from '@lbi/contracts';
import { CreateUserDto, toUserResponse, UpdateUserDto, UserResponseDto, UsersService } from '@lbi/features';
import { Roles } from '../auth/roles.decorator';
import { AllowPiiFields } from '../http/allow-pii-fields.decorator';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @Roles(Role.Admin)
  // The account's login: the one personal field the platform holds. PATCH takes no email, so it has no exemption.
  @AllowPiiFields('email')
  @ApiOperation({
    summary:
      'Create a user; a tenant admin only in its own client, the platform admin in any (or another platform admin)',
  })
  @ApiCreatedResponse({ type: UserResponseDto })
  @ApiConflictResponse({ description: 'A user with this email exists' })
  async create(@Body() body: CreateUserDto): Promise<UserResponse> {
    return toUserResponse(await this.users.create(body));
  }

  @Get()
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Users of your client (the platform admin: all, or the X-Client-Id client’s)' })
  @ApiOkResponse({ type: [UserResponseDto] })
  async list(): Promise<UserResponse[]> {
    return (await this.users.list()).map(toUserResponse);
  }

  @Patch(':id')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Change a user’s role, active flag or password' })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiNotFoundResponse({ description: 'No such user (or not in your client)' })
  async update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateUserDto,
  ): Promise<UserResponse> {
    return toUserResponse(await this.users.update(id, body));
  }
}
