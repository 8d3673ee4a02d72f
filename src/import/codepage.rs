//! Text encodings of imported files: UTF-8 (with or without BOM), Windows-1252 (the finance
//! systems' CSV exports) and IBM code page 437 (SIE's `#FORMAT PC8`), the two code pages decoded
//! by the tables below. Measured: `encoding_rs` for Windows-1252 alone made the optimised .wasm
//! about 190 KB larger (its decoder dispatch keeps every encoding's tables), for 32 characters;
//! no maintained small crate covers IBM 437. The tables are the WHATWG/Unicode mappings.
//!
//! Detection, not guessing in the dark: a BOM or valid UTF-8 wins; otherwise the legacy code page
//! of the format. Not here: splitting text into records.

use std::borrow::Cow;

use crate::error::{Error, Result};

use crate::error::report::{ImportReport, Location};

/// A text encoding an importer reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Windows1252,
    Ibm437,
}

impl Encoding {
    /// The name used in options and reports.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Windows1252 => "windows-1252",
            Encoding::Ibm437 => "ibm437",
        }
    }

    /// Reads an `encoding` option; common aliases are accepted.
    pub fn parse(text: &str) -> Result<Encoding> {
        match text.trim().to_ascii_lowercase().as_str() {
            "utf-8" | "utf8" => Ok(Encoding::Utf8),
            "windows-1252" | "cp1252" | "latin1" | "iso-8859-1" | "ansi" => {
                Ok(Encoding::Windows1252)
            }
            "ibm437" | "cp437" | "pc8" | "ibm-437" => Ok(Encoding::Ibm437),
            _ => Err(Error::option(format!(
                "unknown encoding {text:?}; expected utf-8, windows-1252 or ibm437"
            ))
            .at("encoding")),
        }
    }

    /// Decodes bytes (after any BOM) in this encoding. Invalid UTF-8 shows as U+FFFD; [`detect`]
    /// rejects it before a whole file is decoded.
    pub fn text(self, bytes: &[u8]) -> Cow<'_, str> {
        match self {
            Encoding::Utf8 => String::from_utf8_lossy(bytes),
            // 0xA0-0xFF are Latin-1, that is U+00A0-U+00FF.
            Encoding::Windows1252 => bytes
                .iter()
                .map(|&b| match b {
                    0x80..=0x9f => CP1252_80_9F[usize::from(b - 0x80)],
                    _ => char::from(b),
                })
                .collect::<String>()
                .into(),
            Encoding::Ibm437 => bytes
                .iter()
                .map(|&b| match b {
                    0..=0x7f => char::from(b),
                    _ => CP437_HIGH[usize::from(b - 0x80)],
                })
                .collect::<String>()
                .into(),
        }
    }
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Decodes a file, recording the encoding in `report`. `legacy` is the format's code page when
/// the bytes are not UTF-8 (Windows-1252 for CSV, IBM 437 for SIE); `given` overrides detection.
/// Errors (UTF-16, invalid UTF-8 when UTF-8 was asked for) go into the report; `None` then.
pub fn decode<'a>(
    bytes: &'a [u8],
    given: Option<Encoding>,
    legacy: Encoding,
    report: &mut ImportReport,
) -> Option<Cow<'a, str>> {
    let (encoding, body, utf8) = examine(bytes, given, legacy, report)?;
    // UTF-8 was checked once, there: a region's year is 45 MB, and checking is a pass over it.
    Some(utf8.map_or_else(|| encoding.text(body), Cow::Borrowed))
}

/// The encoding of a file and its bytes after any BOM; checks as [`decode`] does.
pub fn detect<'a>(
    bytes: &'a [u8],
    given: Option<Encoding>,
    legacy: Encoding,
    report: &mut ImportReport,
) -> Option<(Encoding, &'a [u8])> {
    examine(bytes, given, legacy, report).map(|(encoding, body, _)| (encoding, body))
}

/// [`detect`], with the text itself when the file is read as UTF-8.
fn examine<'a>(
    bytes: &'a [u8],
    given: Option<Encoding>,
    legacy: Encoding,
    report: &mut ImportReport,
) -> Option<(Encoding, &'a [u8], Option<&'a str>)> {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        report.error(
            "E_ENCODING",
            Location::line(1),
            "the file is UTF-16, which is not read",
            "UTF-8, Windows-1252 or IBM 437 text (in Excel: save as CSV UTF-8 or CSV (semicolon))",
        );
        return None;
    }
    let has_bom = bytes.starts_with(UTF8_BOM);
    let body = if has_bom {
        &bytes[UTF8_BOM.len()..]
    } else {
        bytes
    };
    let utf8 = utf8(body, UTF8_PIECE);
    let encoding = match given {
        Some(e) => e,
        None if has_bom || utf8.is_ok() => Encoding::Utf8,
        None => legacy_or_1252(body, legacy, report),
    };
    report.encoding = encoding.name();
    if encoding == Encoding::Utf8 {
        if let Err(valid_up_to) = utf8 {
            report.error(
                "E_ENCODING",
                Location::line(line_of(body, valid_up_to)),
                "the text is not valid UTF-8",
                "UTF-8 text, or the encoding option set to windows-1252",
            );
            return None;
        }
    } else if has_utf8_sequences(body) {
        let line = line_of(body, first_utf8_sequence(body));
        report.warn(
            "W_MIXED_ENCODING",
            Location::line(line),
            format!(
                "the file is read as {} but also holds UTF-8 characters; letters such as å, ä, ö may show wrongly",
                encoding.name()
            ),
        );
    }
    let text = utf8.ok().filter(|_| encoding == Encoding::Utf8);
    Some((encoding, body, text))
}

/// The bytes UTF-8 checks in a piece: a few dozen calls to check a region's year.
const UTF8_PIECE: usize = 1 << 20;

/// `bytes` as text if they are UTF-8, else how many bytes from the start are (as
/// [`std::str::Utf8Error::valid_up_to`]), checked `piece` bytes a call: a WebAssembly engine runs
/// a call in its baseline code to the end, and one call over 45 MB never got the optimised code
/// (in Node, 29–61 ms of a first 1M-row import, 14 ms once optimised).
fn utf8(bytes: &[u8], piece: usize) -> Result<&str, usize> {
    let mut at = 0;
    while at < bytes.len() {
        let mut end = (at + piece).min(bytes.len());
        // Not inside a character: on over up to three continuation bytes (`0b10xx_xxxx`).
        for _ in 0..3 {
            if end < bytes.len() && bytes[end] & 0xC0 == 0x80 {
                end += 1;
            }
        }
        if let Err(e) = std::str::from_utf8(&bytes[at..end]) {
            return Err(at + e.valid_up_to());
        }
        at = end;
    }
    // SAFETY: every piece is UTF-8 and ends where a character does, so the whole is UTF-8.
    Ok(unsafe { std::str::from_utf8_unchecked(bytes) })
}

/// SIE's own code page unless the file's letters say Windows-1252 (a documented fallback: some
/// programs write `#FORMAT PC8` and Windows text all the same).
fn legacy_or_1252(body: &[u8], legacy: Encoding, report: &mut ImportReport) -> Encoding {
    if legacy != Encoding::Ibm437 {
        return legacy;
    }
    // å ä ö Å Ä Ö in each code page.
    let count = |set: &[u8]| body.iter().filter(|b| set.contains(b)).count();
    let in_437 = count(&[0x86, 0x84, 0x94, 0x8f, 0x8e, 0x99]);
    let in_1252 = count(&[0xe5, 0xe4, 0xf6, 0xc5, 0xc4, 0xd6]);
    if in_1252 > in_437 {
        report.warn(
            "W_SIE_ENCODING",
            Location::line(1),
            "the file's letters are Windows-1252, not IBM 437 (PC8) as SIE requires; read as Windows-1252",
        );
        Encoding::Windows1252
    } else {
        Encoding::Ibm437
    }
}

/// Whether the bytes hold at least one well-formed UTF-8 multi-byte sequence.
fn has_utf8_sequences(bytes: &[u8]) -> bool {
    first_utf8_sequence(bytes) < bytes.len()
}

/// The offset of the first well-formed two-to-four-byte UTF-8 sequence, or the length.
fn first_utf8_sequence(bytes: &[u8]) -> usize {
    (0..bytes.len())
        .find(|&i| {
            let len = match bytes[i] {
                0xc2..=0xdf => 2,
                0xe0..=0xef => 3,
                0xf0..=0xf4 => 4,
                _ => return false,
            };
            bytes
                .get(i..i + len)
                .is_some_and(|s| std::str::from_utf8(s).is_ok())
        })
        .unwrap_or(bytes.len())
}

/// The 1-based line of a byte offset.
fn line_of(bytes: &[u8], offset: usize) -> usize {
    1 + bytes[..offset.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

/// Windows-1252, bytes 0x80 to 0x9F (€ ‚ ƒ „ … – — ™ and the rest); the five bytes Windows
/// leaves undefined map to the C1 controls of the same number, as WHATWG's decoder does.
#[rustfmt::skip]
const CP1252_80_9F: [char; 32] = [
    '\u{20ac}', '\u{0081}', '\u{201a}', '\u{0192}', '\u{201e}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{02c6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{008d}', '\u{017d}', '\u{008f}',
    '\u{0090}', '\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{02dc}', '\u{2122}', '\u{0161}', '\u{203a}', '\u{0153}', '\u{009d}', '\u{017e}', '\u{0178}',
];

/// IBM code page 437, bytes 0x80 to 0xFF (Ç ü é … ■ and the no-break space), as Unicode.
#[rustfmt::skip]
const CP437_HIGH: [char; 128] = [
    '\u{00c7}', '\u{00fc}', '\u{00e9}', '\u{00e2}', '\u{00e4}', '\u{00e0}', '\u{00e5}', '\u{00e7}', '\u{00ea}', '\u{00eb}', '\u{00e8}', '\u{00ef}', '\u{00ee}', '\u{00ec}', '\u{00c4}', '\u{00c5}',
    '\u{00c9}', '\u{00e6}', '\u{00c6}', '\u{00f4}', '\u{00f6}', '\u{00f2}', '\u{00fb}', '\u{00f9}', '\u{00ff}', '\u{00d6}', '\u{00dc}', '\u{00a2}', '\u{00a3}', '\u{00a5}', '\u{20a7}', '\u{0192}',
    '\u{00e1}', '\u{00ed}', '\u{00f3}', '\u{00fa}', '\u{00f1}', '\u{00d1}', '\u{00aa}', '\u{00ba}', '\u{00bf}', '\u{2310}', '\u{00ac}', '\u{00bd}', '\u{00bc}', '\u{00a1}', '\u{00ab}', '\u{00bb}',
    '\u{2591}', '\u{2592}', '\u{2593}', '\u{2502}', '\u{2524}', '\u{2561}', '\u{2562}', '\u{2556}', '\u{2555}', '\u{2563}', '\u{2551}', '\u{2557}', '\u{255d}', '\u{255c}', '\u{255b}', '\u{2510}',
    '\u{2514}', '\u{2534}', '\u{252c}', '\u{251c}', '\u{2500}', '\u{253c}', '\u{255e}', '\u{255f}', '\u{255a}', '\u{2554}', '\u{2569}', '\u{2566}', '\u{2560}', '\u{2550}', '\u{256c}', '\u{2567}',
    '\u{2568}', '\u{2564}', '\u{2565}', '\u{2559}', '\u{2558}', '\u{2552}', '\u{2553}', '\u{256b}', '\u{256a}', '\u{2518}', '\u{250c}', '\u{2588}', '\u{2584}', '\u{258c}', '\u{2590}', '\u{2580}',
    '\u{03b1}', '\u{00df}', '\u{0393}', '\u{03c0}', '\u{03a3}', '\u{03c3}', '\u{00b5}', '\u{03c4}', '\u{03a6}', '\u{0398}', '\u{03a9}', '\u{03b4}', '\u{221e}', '\u{03c6}', '\u{03b5}', '\u{2229}',
    '\u{2261}', '\u{00b1}', '\u{2265}', '\u{2264}', '\u{2320}', '\u{2321}', '\u{00f7}', '\u{2248}', '\u{00b0}', '\u{2219}', '\u{00b7}', '\u{221a}', '\u{207f}', '\u{00b2}', '\u{25a0}', '\u{00a0}',
];

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Pieces of any size give what one check of the whole does: text and the offset of the
        /// first fault alike, for text with two-, three- and four-byte characters and stray bytes.
        #[test]
        fn utf8_in_pieces_is_utf8_whole(
            parts in prop::collection::vec(prop_oneof![
                Just(b"a".to_vec()), Just("å".as_bytes().to_vec()), Just("€".as_bytes().to_vec()),
                Just("𝄞".as_bytes().to_vec()), Just(vec![0x80]), Just(vec![0xE2, 0x82]), Just(vec![0xFF]),
            ], 0..40),
            piece in 1usize..9,
        ) {
            let bytes = parts.concat();
            let whole = std::str::from_utf8(&bytes).map_err(|e| e.valid_up_to());
            prop_assert_eq!(utf8(&bytes, piece), whole);
        }
    }

    fn read(
        bytes: &[u8],
        given: Option<Encoding>,
        legacy: Encoding,
    ) -> (Option<String>, ImportReport) {
        let mut r = ImportReport::new("csv", None);
        (decode(bytes, given, legacy, &mut r).map(Cow::into_owned), r)
    }

    #[test]
    fn detects_bom_utf8_and_windows_1252() {
        let (t, r) = read(b"\xEF\xBB\xBFenhet;utfall", None, Encoding::Windows1252);
        assert_eq!((t.unwrap().as_str(), r.encoding), ("enhet;utfall", "utf-8"));
        let (t, r) = read(b"Kostnadsst\xe4lle", None, Encoding::Windows1252);
        assert_eq!(
            (t.unwrap().as_str(), r.encoding),
            ("Kostnadsställe", "windows-1252")
        );
        let (t, _) = read(b"\x80 \x96", Some(Encoding::Windows1252), Encoding::Utf8);
        assert_eq!(t.unwrap(), "€ –");
    }

    #[test]
    fn ibm437_is_swedish_letters_and_1252_files_fall_back() {
        let (t, r) = read(b"\x86\x84\x94\x8f\x8e\x99 \xff", None, Encoding::Ibm437);
        assert_eq!(
            (t.unwrap().as_str(), r.encoding),
            ("åäöÅÄÖ \u{a0}", "ibm437")
        );
        let (t, r) = read(b"L\xf6n och \xe5r", None, Encoding::Ibm437);
        assert_eq!(t.unwrap(), "Lön och år");
        assert_eq!(r.warnings[0].code, "W_SIE_ENCODING");
    }

    #[test]
    fn utf16_and_invalid_utf8_are_errors_naming_the_line() {
        let (t, r) = read(b"\xFF\xFEa\x00", None, Encoding::Windows1252);
        assert!(t.is_none());
        assert_eq!(r.errors[0].code, "E_ENCODING");
        let (t, r) = read(b"a\nb\n\xe5", Some(Encoding::Utf8), Encoding::Windows1252);
        assert!(t.is_none());
        assert_eq!(r.errors[0].at.line, Some(3));
    }

    #[test]
    fn mixed_encodings_are_a_warning_naming_the_line() {
        let (t, r) = read(b"ok\nM\xe5nad\nM\xc3\xa5nad", None, Encoding::Windows1252);
        assert_eq!(r.encoding, "windows-1252");
        assert!(t.unwrap().contains("Månad"));
        assert_eq!(r.warnings[0].code, "W_MIXED_ENCODING");
        assert_eq!(r.warnings[0].at.line, Some(3));
    }

    #[test]
    fn encoding_options_are_checked() {
        assert_eq!(Encoding::parse("CP437").unwrap(), Encoding::Ibm437);
        assert_eq!(Encoding::parse("ebcdic").unwrap_err().code(), "E_OPTION");
    }
}
