//! The `#KSUMMA` checksum: CRC-32 as SIE 4B specifies it, fed record by record (the rule is in
//! the module doc of `sie`).
//!
//! Not here: where the checksum opens and closes (the record loop in `sie/mod.rs`).

use super::fields::Token;

/// CRC-32 as SIE 4B specifies it (see the module's doc), fed record by record.
pub(super) struct Checksum(u32);

impl Checksum {
    pub(super) fn new() -> Checksum {
        Checksum(0xffff_ffff)
    }

    pub(super) fn feed(&mut self, bytes: &[u8]) {
        for &b in bytes {
            let mut c = (self.0 ^ u32::from(b)) & 0xff;
            for _ in 0..8 {
                c = if c & 1 != 0 {
                    (c >> 1) ^ 0xedb8_8320
                } else {
                    c >> 1
                };
            }
            self.0 = (self.0 >> 8) ^ c;
        }
    }

    pub(super) fn record(&mut self, tokens: &[Token]) {
        for t in tokens {
            match t {
                Token::Text(t) => self.feed(t),
                Token::List(items) => items.iter().for_each(|i| self.feed(i)),
            }
        }
    }

    pub(super) fn value(&self) -> u32 {
        self.0 ^ 0xffff_ffff
    }
}
