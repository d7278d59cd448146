/** Facts about how this process was started, fixed at boot. */
export class RuntimeInfo {
  constructor(
    readonly embeddedDatabase: boolean,
    readonly version: string,
  ) {}
}
