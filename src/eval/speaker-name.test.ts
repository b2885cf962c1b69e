import { describe, expect, it } from 'vitest';
import { normalizeName, sameSpeaker } from './speaker-name.js';

describe('speaker names', () => {
  it('normalises case, diacritics and punctuation', () => {
    expect(normalizeName('  Donald J. Trump ')).toBe('donald j trump');
    expect(normalizeName("Beto O'Rourke")).toBe('beto o rourke');
    expect(normalizeName('José Núñez')).toBe('jose nunez');
  });

  it('matches equal normalised names or the surname as a whole word', () => {
    expect(sameSpeaker('José Núñez', 'Jose Nunez')).toBe(true);
    expect(sameSpeaker('Donald J. Trump', 'Donald Trump')).toBe(true);
    expect(sameSpeaker('Trump', 'Donald Trump')).toBe(true);
    expect(sameSpeaker('Martin Luther King', 'Martin Luther King Jr.')).toBe(true);
    expect(sameSpeaker('Ivanka', 'Donald Trump')).toBe(false);
    expect(sameSpeaker('Clintonville', 'Hillary Clinton')).toBe(false);
    expect(sameSpeaker('', 'Hillary Clinton')).toBe(false);
  });
});
