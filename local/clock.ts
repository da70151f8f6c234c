/** A clock a person can move: "advance 30 days" to watch reminders and closing happen. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as z from 'zod/mini';
import type { Clock } from '../shared/ports/clock.js';

const savedClock = z.object({ offsetMs: z.number() });

export class LocalClock implements Clock {
  private offsetMs = 0;

  /** With a file, the offset survives a restart, like the data in DynamoDB Local does. */
  constructor(private readonly file?: string) {
    if (file && existsSync(file)) {
      const saved = savedClock.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (saved.success) this.offsetMs = saved.data.offsetMs;
    }
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advanceDays(days: number): Date {
    this.offsetMs += days * 86_400_000;
    return this.save();
  }

  set(instant: Date): Date {
    this.offsetMs = instant.getTime() - Date.now();
    return this.save();
  }

  private save(): Date {
    if (this.file) writeFileSync(this.file, JSON.stringify({ offsetMs: this.offsetMs }));
    return this.now();
  }
}
