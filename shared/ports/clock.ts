/** Time comes in through a port so local mode and tests can move it (three months in a minute). */
export interface Clock {
  now(): Date;
}
