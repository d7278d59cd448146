export * from './dto';
export * from './scan-inputs';
export * from './scan-payload';
export * from './scan.entity';
export * from './scan.job';
export * from './scan.mapper';
export * from './scans.module';
export * from './scans.service';
