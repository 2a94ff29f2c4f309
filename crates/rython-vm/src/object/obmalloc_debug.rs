//! Debug hooks on the object allocator (`PYTHONMALLOC=debug`,
//! `pymalloc_debug`, `malloc_debug`; CPython's `_PyMem_DebugMalloc`).
//!
//! Each object block is framed so that overruns and frees of dead memory
//! are caught when the block is freed:
//!
//! ```text
//! [requested size: 8 bytes][API id 'o'][7 x FORBIDDENBYTE][data ...][8 x FORBIDDENBYTE]
//! ```
//!
//! New data is filled with CLEANBYTE and freed blocks (frame included) with
//! DEADBYTE, so a read of uninitialised or freed memory shows a recognisable
//! pattern, and freeing a block twice finds DEADBYTEs where the frame
//! should be. A damaged block is reported as CPython reports it, then the
//! process aborts (`Fatal Python error`).

use std::alloc::Layout;
use std::cell::Cell;
use std::ptr::NonNull;

const SST: usize = 8;
/// The header keeps the data 16-byte aligned, as the pools are.
const HEAD: usize = 2 * SST;
const TAIL: usize = SST;
const API_ID: u8 = b'o';
const FORBIDDENBYTE: u8 = 0xFD;
const CLEANBYTE: u8 = 0xCD;
const DEADBYTE: u8 = 0xDD;

thread_local! {
    static ENABLED: Cell<bool> = const { Cell::new(false) };
}

/// Turns the hooks on for this thread's objects; call before any object is
/// allocated (start-up, from `PYTHONMALLOC`).
pub fn enable() {
    ENABLED.with(|e| e.set(true));
}

#[inline]
pub fn enabled() -> bool {
    ENABLED.with(|e| e.get())
}

fn framed(layout: Layout) -> Layout {
    Layout::from_size_align(layout.size() + HEAD + TAIL, layout.align().max(16))
        .expect("object layouts are small")
}

/// A framed block whose data part has `layout`.
pub fn debug_malloc(layout: Layout) -> NonNull<u8> {
    let n = layout.size();
    let base = super::obmalloc::base_malloc(framed(layout)).as_ptr();
    // SAFETY: `base` is a fresh block of `n + HEAD + TAIL` bytes; every
    // write below stays inside it.
    unsafe {
        std::ptr::copy_nonoverlapping((n as u64).to_le_bytes().as_ptr(), base, SST);
        *base.add(SST) = API_ID;
        std::ptr::write_bytes(base.add(SST + 1), FORBIDDENBYTE, SST - 1);
        std::ptr::write_bytes(base.add(HEAD), CLEANBYTE, n);
        std::ptr::write_bytes(base.add(HEAD + n), FORBIDDENBYTE, TAIL);
        NonNull::new_unchecked(base.add(HEAD))
    }
}

/// Checks the frame of the block whose data starts at `p`: `Err` holds
/// CPython's report and the fatal error's reason.
///
/// # Safety
/// `p` came from `debug_malloc` with `layout` (it may have been freed since:
/// pool memory stays mapped, so the frame can still be read).
pub unsafe fn check_block(p: NonNull<u8>, layout: Layout) -> Result<(), (String, &'static str)> {
    let p = p.as_ptr();
    // SAFETY: per the contract, the frame around `p` is readable.
    let (size, api, head_pads, tail) = unsafe {
        let base = p.sub(HEAD);
        let mut size = [0u8; SST];
        std::ptr::copy_nonoverlapping(base, size.as_mut_ptr(), SST);
        let head: Vec<u8> = (1..SST).map(|i| *base.add(SST + i)).collect();
        let n = layout.size();
        let tail: Vec<u8> = (0..TAIL).map(|i| *p.add(n + i)).collect();
        (
            u64::from_le_bytes(size) as usize,
            *base.add(SST),
            head,
            tail,
        )
    };
    let mut report = format!(
        "Debug memory block at address p={:p}: API '{}'\n",
        p, api as char
    );
    report.push_str(&format!("    {size} bytes originally requested\n"));
    let head_ok = head_pads.iter().all(|&b| b == FORBIDDENBYTE);
    if head_ok {
        report.push_str("    The 7 pad bytes at p-7 are FORBIDDENBYTE, as expected.\n");
    } else {
        report.push_str(&format!(
            "    The 7 pad bytes at p-7 are not all FORBIDDENBYTE (0x{FORBIDDENBYTE:02x}):\n"
        ));
        for (i, b) in head_pads.iter().enumerate() {
            let mark = if *b == FORBIDDENBYTE { "" } else { " *** OUCH" };
            report.push_str(&format!("        at p-{}: 0x{b:02x}{mark}\n", 7 - i));
        }
    }
    if api != API_ID || size != layout.size() || !head_ok {
        let why = if head_pads.iter().chain(&[api]).all(|&b| b == DEADBYTE) {
            "bad ID (the block was already freed)"
        } else if api != API_ID {
            "bad ID"
        } else {
            "bad leading pad byte"
        };
        return Err((report, why));
    }
    // SAFETY: `p` is inside the block (computed for the report only).
    let tail_at = unsafe { p.add(size) };
    if tail.iter().all(|&b| b == FORBIDDENBYTE) {
        report.push_str(&format!(
            "    The 8 pad bytes at tail={tail_at:p} are FORBIDDENBYTE, as expected.\n"
        ));
        return Ok(());
    }
    report.push_str(&format!(
        "    The 8 pad bytes at tail={tail_at:p} are not all FORBIDDENBYTE (0x{FORBIDDENBYTE:02x}):\n"
    ));
    for (i, b) in tail.iter().enumerate() {
        let mark = if *b == FORBIDDENBYTE { "" } else { " *** OUCH" };
        report.push_str(&format!("        at tail+{i}: 0x{b:02x}{mark}\n"));
    }
    Err((report, "bad trailing pad byte"))
}

/// Checks the frame, poisons the block and frees it; a damaged frame is a
/// fatal error.
///
/// # Safety
/// `p` came from `debug_malloc` with `layout` on this thread and is not
/// used again.
pub unsafe fn debug_free(p: NonNull<u8>, layout: Layout) {
    // SAFETY: per the contract.
    if let Err((report, why)) = unsafe { check_block(p, layout) } {
        eprint!("{report}");
        eprintln!("Fatal Python error: _PyMem_DebugRawFree: {why}");
        eprintln!("Python runtime state: initialized");
        std::process::abort();
    }
    let n = layout.size();
    // SAFETY: the frame checked out, so the whole framed block is ours; it
    // is poisoned, then handed back with the layout it was allocated with.
    unsafe {
        let base = p.as_ptr().sub(HEAD);
        std::ptr::write_bytes(base, DEADBYTE, n + HEAD + TAIL);
        super::obmalloc::base_free(NonNull::new_unchecked(base), framed(layout));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(n: usize) -> Layout {
        Layout::from_size_align(n, 8).unwrap()
    }

    #[test]
    fn fresh_blocks_are_clean_and_framed() {
        let l = layout(40);
        let p = debug_malloc(l);
        // SAFETY: `p` is a live 40-byte block from `debug_malloc`.
        unsafe {
            assert!((0..40).all(|i| *p.as_ptr().add(i) == CLEANBYTE));
            assert!(check_block(p, l).is_ok());
            debug_free(p, l);
        }
    }

    #[test]
    fn an_overrun_is_reported_at_free() {
        let l = layout(24);
        let p = debug_malloc(l);
        // SAFETY: the write lands in the block's own trailer (test only).
        unsafe {
            *p.as_ptr().add(24) = b'A';
            let (report, why) = check_block(p, l).unwrap_err();
            assert_eq!(why, "bad trailing pad byte");
            assert!(report.contains("24 bytes originally requested"), "{report}");
            assert!(report.contains("at tail+0: 0x41 *** OUCH"), "{report}");
        }
        // The damaged block is leaked: freeing it would abort the test.
    }

    #[test]
    fn freed_blocks_are_poisoned_and_a_second_free_is_caught() {
        let l = layout(32);
        let p = debug_malloc(l);
        // SAFETY: `p` is freed once; the pool memory stays mapped, so the
        // reads after that see the poison (the first word is the free list).
        unsafe {
            debug_free(p, l);
            assert!((8..32).all(|i| *p.as_ptr().add(i) == DEADBYTE));
            let (_, why) = check_block(p, l).unwrap_err();
            assert_eq!(why, "bad ID (the block was already freed)");
        }
    }
}
