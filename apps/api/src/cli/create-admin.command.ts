import { MIN_PASSWORD_LENGTH } from '@lbi/contracts';
import { UsersService } from '@lbi/features';
import { Command, CommandRunner, Option } from 'nest-commander';

interface CreateAdminOptions {
  email: string;
  password: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** `npm run cli -- create-admin --email E --password P`: creates or resets the platform admin. */
@Command({
  name: 'create-admin',
  description: 'Create the platform admin with this email, or reset its password and re-activate it',
})
export class CreateAdminCommand extends CommandRunner {
  constructor(private readonly users: UsersService) {
    super();
  }

  async run(_params: string[], options: CreateAdminOptions): Promise<void> {
    if (!EMAIL.test(options.email.trim())) throw new Error('--email must be an email address');
    if (options.password.length < MIN_PASSWORD_LENGTH) {
      throw new Error(`--password must be at least ${MIN_PASSWORD_LENGTH} characters`);
    }
    const { user, created } = await this.users.createOrResetPlatformAdmin(options.email, options.password);
    process.stdout.write(
      created
        ? `Created the platform admin (user id ${user.id}). Sign in with that email and password.\n`
        : `Reset the password of the platform admin (user id ${user.id}) and made sure it is active.\n`,
    );
  }

  @Option({ flags: '--email <email>', description: 'the platform admin’s email', required: true })
  parseEmail(value: string): string {
    return value;
  }

  @Option({
    flags: '--password <password>',
    description: `its password (at least ${MIN_PASSWORD_LENGTH} characters)`,
    required: true,
  })
  parsePassword(value: string): string {
    return value;
  }
}
