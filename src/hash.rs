//! A fast hasher for the maps keyed by our own small integers and short ids (unit positions,
//! interned ids, years, months). The standard SipHash guards against crafted collisions from an
//! attacker; the keys here come from the user's own files in their own browser, and SipHash was
//! a fifth of a CSV import's instructions (README, "Performance").
//!
//! Not for anything keyed by data from elsewhere, and not a stable hash: never store its values.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// The multiply-and-rotate hash of Firefox and rustc (FxHash), one word at a time.
#[derive(Clone, Copy, Debug, Default)]
pub struct FastHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn write_i32(&mut self, n: i32) {
        self.add(n as u32 as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A `HashMap` with [`FastHasher`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;
/// A `HashSet` with [`FastHasher`].
pub type FastSet<K> = HashSet<K, BuildHasherDefault<FastHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_keys_hash_equal_and_near_keys_differ() {
        let hash = |key: &(usize, i32)| {
            use std::hash::BuildHasher;
            BuildHasherDefault::<FastHasher>::default().hash_one(key)
        };
        assert_eq!(hash(&(7, 2025)), hash(&(7, 2025)));
        assert_ne!(hash(&(7, 2025)), hash(&(8, 2025)));
        assert_ne!(hash(&(7, 2025)), hash(&(7, 2024)));
    }

    #[test]
    fn a_map_keyed_by_strings_finds_every_key() {
        let ids: Vec<String> = (0..10_000).map(|i| format!("K{i:05}-4010")).collect();
        let map: FastMap<&str, usize> = ids
            .iter()
            .enumerate()
            .map(|(i, id)| (id.as_str(), i))
            .collect();
        assert_eq!(map.len(), ids.len());
        assert!(ids.iter().enumerate().all(|(i, id)| map[id.as_str()] == i));
    }
}
