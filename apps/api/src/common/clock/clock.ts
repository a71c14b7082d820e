import { Injectable } from '@nestjs/common';

/** The current time, injectable so date presets and defaults can be tested against a fixed instant. */
@Injectable()
export class Clock {
  private fixed: Date | null = null;

  now(): Date {
    return this.fixed ? new Date(this.fixed) : new Date();
  }

  /** Freezes the clock at an instant (tests); null releases it. */
  freeze(at: Date | null): void {
    this.fixed = at;
  }
}
