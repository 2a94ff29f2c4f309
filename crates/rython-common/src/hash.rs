//! CPython's hash functions (Python/pyhash.c, Objects/longobject.c,
//! Objects/tupleobject.c, Objects/setobject.c), bit for bit on 64-bit
//! platforms.
//!
//! Numeric hashes reduce values modulo the Mersenne prime `2**61 - 1`, so
//! that equal numbers of different types (`1`, `1.0`, `1+0j`) hash alike.
//! `str` and `bytes` use SipHash-1-3 keyed by a [`HashSecret`] derived from
//! `PYTHONHASHSEED` exactly as CPython derives it.

use num_bigint::{BigInt, Sign};
use num_traits::ToPrimitive;
use siphasher::sip::SipHasher13;
use std::hash::Hasher;

/// Number of bits in the hash modulus (`_PyHASH_BITS`).
pub const BITS: u32 = 61;
/// `sys.hash_info.modulus`: the prime `2**61 - 1`.
pub const MODULUS: u64 = (1 << 61) - 1;
/// `sys.hash_info.inf`: hash of `float('inf')` (negated for `-inf`).
pub const INF: i64 = 314159;
/// `sys.hash_info.imag`: multiplier of the imaginary part's hash.
pub const IMAG: u64 = 1000003;

/// Hashes may never be -1 (the C-level error value).
#[inline]
fn fix(h: i64) -> i64 {
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `hash(n)` for an int that fits in `i64`.
pub fn hash_i64(n: i64) -> i64 {
    let m = (n.unsigned_abs() % MODULUS) as i64;
    fix(if n < 0 { -m } else { m })
}

/// `hash(n)` for an arbitrary int.
pub fn hash_int(n: &BigInt) -> i64 {
    if let Some(small) = n.to_i64() {
        return hash_i64(small);
    }
    let m = (n.magnitude() % MODULUS).to_u64().unwrap_or(0) as i64;
    fix(if n.sign() == Sign::Minus { -m } else { m })
}

/// `_Py_HashPointer`: the hash of an object that hashes by identity. The
/// address is rotated by 4 bits because its low bits are always zero.
pub fn hash_pointer(addr: usize) -> i64 {
    fix(addr.rotate_right(4) as u64 as i64)
}

/// `hash(x)` for a float. Since 3.10 a nan hashes by object identity, so the
/// caller passes the identity (address or id) used for that case.
pub fn hash_float_with_identity(x: f64, identity: usize) -> i64 {
    hash_float_or_nan(x).unwrap_or_else(|| hash_pointer(identity))
}

/// `hash(x)` for a non-nan float; a nan gives `hash_pointer(0)` here, so
/// use [`hash_float_with_identity`] when nans matter.
pub fn hash_float(x: f64) -> i64 {
    hash_float_with_identity(x, 0)
}

/// The numeric hash of a float, or `None` for a nan (identity-hashed).
pub fn hash_float_or_nan(x: f64) -> Option<i64> {
    if x.is_nan() {
        return None;
    }
    if x.is_infinite() {
        return Some(if x > 0.0 { INF } else { -INF });
    }
    if x == 0.0 {
        return Some(0);
    }
    // x = mant * 2**exp exactly; the hash is that rational reduced modulo
    // P, and 2**61 == 1 (mod P) turns the power of two into a rotation.
    let bits = x.to_bits();
    let raw_exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (mant, exp) = if raw_exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), raw_exp - 1075)
    };
    let e = exp.rem_euclid(BITS as i64) as u32;
    let h = rotate61(mant % MODULUS, e);
    let h = h as i64;
    Some(fix(if x < 0.0 { -h } else { h }))
}

/// Multiplies a residue by `2**e` modulo `2**61 - 1`.
fn rotate61(x: u64, e: u32) -> u64 {
    if e == 0 {
        return x;
    }
    let r = ((x << e) & MODULUS) | (x >> (BITS - e));
    if r == MODULUS {
        0
    } else {
        r
    }
}

/// `hash(complex(re, im))`; `identity` stands in for the object when a
/// component is a nan.
pub fn hash_complex(re: f64, im: f64, identity: usize) -> i64 {
    let hr = hash_float_with_identity(re, identity) as u64;
    let hi = hash_float_with_identity(im, identity) as u64;
    fix(hr.wrapping_add(IMAG.wrapping_mul(hi)) as i64)
}

const XXPRIME_1: u64 = 11400714785074694791;
const XXPRIME_2: u64 = 14029467366897019727;
const XXPRIME_5: u64 = 2870177450012600261;

/// Incremental `hash(tuple)` (the xxHash-based `tuplehash`): feed the hash
/// of each item in order, then call [`TupleHasher::finish`].
#[derive(Clone, Copy, Debug)]
pub struct TupleHasher {
    acc: u64,
    len: u64,
}

impl Default for TupleHasher {
    fn default() -> Self {
        Self::new()
    }
}

impl TupleHasher {
    pub fn new() -> Self {
        TupleHasher {
            acc: XXPRIME_5,
            len: 0,
        }
    }

    /// Mixes in the hash of the next item.
    pub fn add(&mut self, item_hash: i64) {
        let lane = item_hash as u64;
        self.acc = self.acc.wrapping_add(lane.wrapping_mul(XXPRIME_2));
        self.acc = self.acc.rotate_left(31);
        self.acc = self.acc.wrapping_mul(XXPRIME_1);
        self.len += 1;
    }

    pub fn finish(&self) -> i64 {
        // The length is folded in so that hash(()) keeps its historical value.
        let acc = self.acc.wrapping_add(self.len ^ (XXPRIME_5 ^ 3527539));
        if acc == u64::MAX {
            1546275796
        } else {
            acc as i64
        }
    }
}

/// `hash(tuple)` from the hashes of its items.
/// `hash(slice)` (CPython 3.12+) from the hashes of start, stop and step:
/// the tuple hash without the length folded in.
pub fn hash_slice(item_hashes: [i64; 3]) -> i64 {
    let mut h = TupleHasher::new();
    for x in item_hashes {
        h.add(x);
    }
    if h.acc == u64::MAX {
        1546275796
    } else {
        h.acc as i64
    }
}

pub fn hash_tuple<I: IntoIterator<Item = i64>>(item_hashes: I) -> i64 {
    let mut h = TupleHasher::new();
    for x in item_hashes {
        h.add(x);
    }
    h.finish()
}

/// `hash(frozenset)` from the hashes of its elements (any order).
pub fn hash_frozenset<I: IntoIterator<Item = i64>>(item_hashes: I) -> i64 {
    fn shuffle(h: u64) -> u64 {
        ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
    }
    let mut hash: u64 = 0;
    let mut n: u64 = 0;
    for h in item_hashes {
        hash ^= shuffle(h as u64);
        n += 1;
    }
    hash ^= (n + 1).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    if hash == u64::MAX {
        590923713
    } else {
        hash as i64
    }
}

/// The key of the string/bytes hash (`_Py_HashSecret.siphash`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HashSecret {
    pub k0: u64,
    pub k1: u64,
}

/// How `PYTHONHASHSEED` asks for the secret to be made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HashSeed {
    /// Unset, empty or `random`: read the secret from the OS.
    Random,
    /// A number in `0..=4294967295`; 0 disables randomization.
    Fixed(u32),
}

/// Message of CPython's fatal error for a malformed `PYTHONHASHSEED`.
pub const HASH_SEED_ERROR: &str =
    "PYTHONHASHSEED must be \"random\" or an integer in range [0; 4294967295]";

impl HashSeed {
    /// Parses the value of `PYTHONHASHSEED` (`None` when unset). On error
    /// CPython stops with `Fatal Python error: config_init_hash_seed:`
    /// followed by [`HASH_SEED_ERROR`].
    pub fn from_env(value: Option<&str>) -> Result<HashSeed, &'static str> {
        let v = match value {
            None => return Ok(HashSeed::Random),
            Some(v) => v,
        };
        if v.is_empty() || v == "random" {
            return Ok(HashSeed::Random);
        }
        // CPython reads it with strtoul, which allows leading whitespace
        // and a sign; anything left over or out of range is an error.
        let t = v.trim_start_matches([' ', '\t', '\n', '\r', '\x0b', '\x0c']);
        let (neg, digits) = match t.as_bytes().first() {
            Some(b'+') => (false, &t[1..]),
            Some(b'-') => (true, &t[1..]),
            _ => (false, t),
        };
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(HASH_SEED_ERROR);
        }
        match digits.parse::<u64>() {
            Ok(n) if n <= u32::MAX as u64 && !(neg && n != 0) => Ok(HashSeed::Fixed(n as u32)),
            _ => Err(HASH_SEED_ERROR),
        }
    }
}

impl HashSecret {
    /// The secret CPython uses for a given seed: zeros for `Fixed(0)`, the
    /// Microsoft-style LCG output for other fixed seeds, and OS randomness
    /// (falling back to time/pid mixing if `/dev/urandom` is unreadable).
    pub fn from_seed(seed: HashSeed) -> HashSecret {
        let mut buf = [0u8; 24];
        match seed {
            HashSeed::Fixed(0) => {}
            HashSeed::Fixed(x0) => {
                let mut x = x0;
                for b in buf.iter_mut() {
                    x = x.wrapping_mul(214013).wrapping_add(2531011);
                    *b = ((x >> 16) & 0xff) as u8;
                }
            }
            HashSeed::Random => fill_random(&mut buf),
        }
        let k0 = u64::from_le_bytes(buf[0..8].try_into().unwrap_or([0; 8]));
        let k1 = u64::from_le_bytes(buf[8..16].try_into().unwrap_or([0; 8]));
        HashSecret { k0, k1 }
    }

    /// Reads `PYTHONHASHSEED` from the process environment.
    pub fn from_environment() -> Result<HashSecret, &'static str> {
        let v = std::env::var("PYTHONHASHSEED").ok();
        Ok(Self::from_seed(HashSeed::from_env(v.as_deref())?))
    }

    /// `_Py_HashBytes`: hash of `bytes`, and of a `str` given its canonical
    /// (PEP 393) little-endian encoding.
    pub fn hash_bytes(&self, data: &[u8]) -> i64 {
        if data.is_empty() {
            return 0;
        }
        let mut h = SipHasher13::new_with_keys(self.k0, self.k1);
        h.write(data);
        fix(h.finish() as i64)
    }

    /// `hash(str)` for text without surrogates.
    pub fn hash_str(&self, s: &str) -> i64 {
        // ASCII text is its own 1-byte-per-char canonical form.
        if s.is_ascii() {
            return self.hash_bytes(s.as_bytes());
        }
        self.hash_code_points(s.chars().map(|c| c as u32))
    }

    /// `hash(str)` from code points (lone surrogates allowed).
    pub fn hash_code_points<I>(&self, cps: I) -> i64
    where
        I: IntoIterator<Item = u32>,
        I::IntoIter: Clone,
    {
        let it = cps.into_iter();
        let max = it.clone().max().unwrap_or(0);
        let mut buf = Vec::new();
        if max < 0x100 {
            buf.extend(it.map(|c| c as u8));
        } else if max < 0x10000 {
            for c in it {
                buf.extend_from_slice(&(c as u16).to_le_bytes());
            }
        } else {
            for c in it {
                buf.extend_from_slice(&c.to_le_bytes());
            }
        }
        self.hash_bytes(&buf)
    }
}

fn fill_random(buf: &mut [u8]) {
    use std::io::Read;
    if let Ok(mut f) = std::fs::File::open("/dev/urandom") {
        if f.read_exact(buf).is_ok() {
            return;
        }
    }
    // No OS randomness: mix the clock, pid and an address, as a last resort.
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0);
    let local = 0u8;
    let mut x = t ^ ((std::process::id() as u64) << 32) ^ (&local as *const u8 as u64);
    for b in buf.iter_mut() {
        // splitmix64 step
        x = x.wrapping_add(0x9E3779B97F4A7C15);
        let mut z = x;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58476D1CE4E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D049BB133111EB);
        *b = (z ^ (z >> 31)) as u8;
    }
}

#[cfg(test)]
mod tests;
