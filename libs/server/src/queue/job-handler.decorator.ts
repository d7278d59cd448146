import { SetMetadata } from '@nestjs/common';
import { JobName } from '@lbi/contracts';

export const JOB_HANDLER_METADATA = 'lbi:job-handler';

/** Marks a provider method as the handler of one job (one handler per JobName, checked at start). */
export const JobHandler = (name: JobName): MethodDecorator => SetMetadata(JOB_HANDLER_METADATA, name);
