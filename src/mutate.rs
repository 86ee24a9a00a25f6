//! A loop harness for the readers of files that come from outside (a reference .docx, a cache
//! entry): a seed input mutated the way a fuzzer mutates, run many times; a panic, an abort or
//! a hang is a failure. `MEDTRIO_FUZZ_RUNS` sets the number of runs (a few thousand by default,
//! so that CI's share stays small; `MEDTRIO_FUZZ_RUNS=1000000` for a long run), and
//! `MEDTRIO_FUZZ_SEED` the seed.
//!
//! Written here rather than with cargo-fuzz: libFuzzer needs a nightly build of the whole crate
//! with sanitizers, which the project's machines cannot afford on every run; this harness runs
//! in the ordinary test build.

/// The number of runs: `MEDTRIO_FUZZ_RUNS`, else `default`.
pub fn runs(default: usize) -> usize {
    std::env::var("MEDTRIO_FUZZ_RUNS")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(default)
}

/// The seed of a run: `MEDTRIO_FUZZ_SEED`, else `default`, so that long runs can each take
/// another part of the space.
pub fn seed(default: u64) -> u64 {
    std::env::var("MEDTRIO_FUZZ_SEED")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(default)
}

/// xorshift64*: enough randomness for mutations, and the same sequence every run.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }

    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number below `n` (0 for an `n` of 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        usize::try_from(self.next() % u64::try_from(n).unwrap_or(u64::MAX)).unwrap_or(0)
    }
}

/// Values that make readers take the wrong branch: lengths of 0, 1, 2^31, 2^32 − 1, 2^60.
const INTERESTING: [u64; 8] = [
    0,
    1,
    0x7f,
    0xff,
    0x7fff_ffff,
    0xffff_ffff,
    1 << 60,
    u64::MAX,
];

/// `seed` with one to four mutations: a bit flipped, a byte set, a little-endian field of 2,
/// 4 or 8 bytes set to an interesting value, a range cut out or repeated, the end cut off.
pub fn mutate(seed: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut data = seed.to_vec();
    for _ in 0..=rng.below(4) {
        if data.is_empty() {
            data.push(0);
        }
        let at = rng.below(data.len());
        match rng.below(7) {
            0 => data[at] ^= 1 << rng.below(8),
            1 => data[at] = (rng.next() & 0xff) as u8,
            2..=3 => {
                let width = [2, 4, 8][rng.below(3)];
                let value = INTERESTING[rng.below(INTERESTING.len())].to_le_bytes();
                for (i, b) in value.iter().take(width).enumerate() {
                    if let Some(slot) = data.get_mut(at + i) {
                        *slot = *b;
                    }
                }
            }
            4 => {
                let end = (at + 1 + rng.below(64)).min(data.len());
                data.drain(at..end);
            }
            5 => {
                let end = (at + 1 + rng.below(256)).min(data.len());
                let copy = data[at..end].to_vec();
                let to = rng.below(data.len());
                data.splice(to..to, copy);
            }
            _ => data.truncate(at),
        }
    }
    data
}
