// A small seeded pseudo-random generator (LCG) for benchmark data: the same seed gives the same data every run.
export function seeded(seed) {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  return { next, pick: (xs) => xs[Math.floor(next() * xs.length)], between: (a, b) => a + next() * (b - a) };
}
