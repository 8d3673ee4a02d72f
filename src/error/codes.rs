//! Every error and warning code the crate can give, in one table: what a caller branches on and
//! what `docs/errors.md` explains. `tests/codes.rs` holds this table to the code (every code
//! written in `src/` is here) and to the docs (the table there lists exactly these).
//!
//! Not here: the messages (each error and issue writes its own, naming what it found).

/// A code and what it means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Code {
    /// `E_…` for an error (nothing is added), `W_…` for a warning of an import that went through.
    pub code: &'static str,
    pub meaning: &'static str,
}

const fn code(code: &'static str, meaning: &'static str) -> Code {
    Code { code, meaning }
}

/// The codes, errors first, each once.
pub const CODES: &[Code] = &[
    code("E_PARSE_AMOUNT", "an amount could not be read"),
    code(
        "E_AMOUNT_RANGE",
        "an amount cell is beyond ±10^15 kr, or the amounts of one unit, cost type, measure and period add up beyond ±92 233 720 368 547 758 kr",
    ),
    code("E_AMOUNT_PRECISION", "an amount cell is finer than an öre after its column's scale (`-1000,005`)"),
    code("E_PARSE_MONTH", "a month was not `YYYY-MM`"),
    code("E_PARSE_YEAR", "a year cell cannot be read"),
    code("E_PERIOD_OUTSIDE_YEAR", "a period lies outside the `year` option"),
    code("E_OPTION", "an option or argument of the wrong type, outside what is accepted, or unreadable (a getter threw, nested too deep); `field` names it"),
    code("E_PERIODISE", "an amount could not be split exactly (e.g. öre with whole-krona rounding)"),
    code("E_UNKNOWN_UNIT", "a row names a unit that is not in the tree"),
    code("E_MISSING_UNIT", "a table row's unit cell is empty"),
    code("E_DUPLICATE_UNIT", "two units of one document share an id (a later import's unit replaces the earlier)"),
    code("E_UNKNOWN_PARENT", "a unit names a parent that is not a unit"),
    code("E_ROOT", "the tree has no root, or more than one"),
    code("E_CYCLE", "parents form a loop"),
    code("E_UNKNOWN_COST_TYPE", "a row names a cost type that is not listed"),
    code("E_DUPLICATE_COST_TYPE", "a cost type is listed twice in one document"),
    code("E_UNKNOWN_MEASURE", "an entry or programme names a measure that is not in the register"),
    code("E_COMMENT", "a comment cannot be kept: blank text, a `written` date that is not a day, a due month or owner on an explanation (`field` names it)"),
    code(
        "E_SCHEMA",
        "the document is not schema 1 (`field` is the path at fault), or an amount, or the sum of one unit, cost type and month, is beyond ±92 233 720 368 547 758 kr (the index keeps whole öre in 64 bits)",
    ),
    code("E_SCHEMA_VERSION", "the document names a schema version this build does not read"),
    code("E_JSON", "text that should be JSON is not"),
    code("E_NO_DATA", "a report was asked of an empty workspace"),
    code("E_NO_YEAR", "a report was asked for a year the workspace holds no budget, outcome or forecast for"),
    code("E_STORAGE", "browser storage is missing or failed"),
    code("E_INIT", "the web package was used before `init()` finished"),
    code("E_FREED", "a `Workspace` was used after `free()`"),
    code("E_IMPORT", "an import was rejected without a located error"),
    code("E_EMPTY", "nothing to import: an empty file, a BOM only, a header without rows"),
    code("E_ENCODING", "UTF-16, or invalid UTF-8 where UTF-8 was asked for"),
    code("E_CSV_HEADER", "no recognised header, no unit or amount column, a field twice, amounts without period, month columns without year"),
    code("E_CSV_FIELDS", "a row has more cells than the header (a decimal comma in a comma file?)"),
    code("E_CSV_QUOTE", "a quoted cell runs over a line break: a quote is not closed"),
    code("E_KIND", "a kind cell cannot be read"),
    code("E_MEASURE", "a figure cell (budget, outcome, forecast) cannot be read"),
    code("E_SIGN_KIND", "magnitudes without a kind column or account to sign them by"),
    code("E_SIE_RECORD", "a SIE period record or voucher transaction cannot be read"),
    code("E_SIE_CHECKSUM", "a SIE file's checksum fails or is never closed"),
    code("E_SIE_NOTHING", "a SIE file with nothing to import: no period balances or vouchers on result accounts (the message says what it holds)"),
    code("E_MORE", "more errors of one code than a report lists; this one counts them"),
    code("W_DUPLICATE_ROW", "the same unit, cost type, figure and period again in one file; the amounts are added"),
    code("W_AMBIGUOUS_AMOUNT", "an amount cell that could be read two ways; the message says which was taken"),
    code("W_MIXED_ENCODING", "a file mostly UTF-8 with stray Windows-1252 bytes"),
    code("W_KIND_ASSUMED", "a cost type taken as a cost: neither a kind column nor its account number says"),
    code("W_UNITS_CREATED", "units not in the workspace were created (listed in the message)"),
    code("W_SIE_ENCODING", "a SIE file in Windows-1252, not IBM 437 (PC8) as SIE requires"),
    code("W_SIE_NOT_A_RECORD", "a SIE line that does not start with # is skipped"),
    code("W_SIE_RECORD", "a SIE record that cannot be used is skipped"),
    code("W_SIE_QUOTE", "a quote or brace is not closed on a SIE line"),
    code("W_SIE_FORMAT", "a SIE `#FORMAT` other than PC8 (IBM 437)"),
    code("W_SIE_NO_OMFATTN", "a SIE file without `#OMFATTN`: the date its balances run to is not stated"),
    code("W_SIE_FISCAL_YEAR", "a SIE fiscal year that does not start in January"),
    code("W_SIE_PERIOD_OUTSIDE_YEAR", "a SIE period outside the `year` option"),
    code("W_SIE_VOUCHER_UNBALANCED", "a SIE voucher whose transactions do not add to zero"),
    code("W_SIE_VOUCHERS_RES", "an account's vouchers in a SIE file do not add up to its `#RES` for the year"),
    code("W_SIE_VOUCHERS_UNUSED", "a SIE file with both `#PSALDO` and vouchers: the outcome is taken from `#PSALDO`, the vouchers are only checked"),
    code("W_SIE_BALANCE", "opening balance plus period balances is not the closing balance of an account"),
    code("W_SIE_BALANCE_ACCOUNTS", "period balances or transactions of balance-sheet accounts (classes 1-2) are checked, not imported"),
    code("W_MORE", "more warnings of one code than a report lists; this one counts them"),
];
