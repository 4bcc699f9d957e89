/** The release, as the CLI reports it and the probe's User-Agent names it. */
export const VERSION = '0.1.0';
