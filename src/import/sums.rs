//! Each key's sums in öre per month of a year while a file is read, with the line each month was
//! first read on (for the duplicate-row warning). A key of a sparse ledger (a budget file, a
//! part-year export) holds one or two months, so a key starts in a slot of two months and moves
//! to one of twelve when a third comes: a million such keys took 200 MB in twelve-month slots.
//!
//! Not here: which key an amount belongs to, or what the sums become (`assemble.rs`).

use crate::calendar::Month;
use crate::num::money::Amount;

/// Where a key's sums are: a slot of two months, or, with [`FULL`] set, one of twelve.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Slot(u32);

/// The bit of a [`Slot`] in the twelve-month slots.
const FULL: u32 = 1 << 31;

/// Slots per block: blocks never move, so a million keys' sums are never copied whole to grow.
const BLOCK: usize = 1024;

/// A key's first two months.
#[derive(Clone, Copy, Debug, Default)]
struct Two {
    ore: [i64; 2],
    /// Lines as `u32`: a file beyond four billion lines cannot be in memory anyway.
    first_line: [u32; 2],
    /// The month index plus one of each place; 0 where it is free.
    month: [u8; 2],
}

/// A key's twelve months.
#[derive(Clone, Copy, Debug, Default)]
struct Twelve {
    ore: [i64; 12],
    first_line: [u32; 12],
    /// Bit `i`: month `i` has been read.
    seen: u16,
}

/// Slots of one kind in blocks of [`BLOCK`].
#[derive(Debug)]
struct Blocks<T> {
    blocks: Vec<Vec<T>>,
}

impl<T> Default for Blocks<T> {
    fn default() -> Blocks<T> {
        Blocks { blocks: Vec::new() }
    }
}

impl<T> Blocks<T> {
    fn push(&mut self, value: T) -> u32 {
        if self.blocks.last().map_or(true, |b| b.len() == BLOCK) {
            self.blocks.push(Vec::with_capacity(BLOCK));
        }
        let full = (self.blocks.len() - 1) * BLOCK;
        let block = self.blocks.last_mut().expect("a block was added");
        block.push(value);
        (full + block.len() - 1) as u32
    }

    fn get(&self, i: u32) -> &T {
        &self.blocks[i as usize / BLOCK][i as usize % BLOCK]
    }

    fn get_mut(&mut self, i: u32) -> &mut T {
        &mut self.blocks[i as usize / BLOCK][i as usize % BLOCK]
    }
}

/// Every key's months.
#[derive(Debug, Default)]
pub struct KeySums {
    two: Blocks<Two>,
    twelve: Blocks<Twelve>,
    /// Two-month slots whose key moved on, for the next keys: a dense ledger's keys move one by
    /// one, so it uses a handful of them in all.
    free: Vec<u32>,
}

/// The sum of one month to add to, as [`KeySums::month`] finds it.
pub struct MonthSum<'a> {
    pub ore: &'a mut i64,
    /// The line the month was first read on, when it had been read before.
    pub first_line: Option<usize>,
    /// The key's new slot, when its sums moved to one of twelve months.
    pub moved: Option<Slot>,
}

impl KeySums {
    /// A new, empty slot.
    pub fn add(&mut self) -> Slot {
        match self.free.pop() {
            Some(i) => {
                *self.two.get_mut(i) = Two::default();
                Slot(i)
            }
            None => Slot(self.two.push(Two::default())),
        }
    }

    /// The sum of month `index` of the key at `slot`, the month recorded as read on `line` if
    /// it is new to the key. A third month moves the key to a twelve-month slot, given back in
    /// [`MonthSum::moved`]: the caller's record of the slot must follow it.
    /// Inline: it is called for every amount read.
    #[inline]
    pub fn month(&mut self, slot: Slot, index: usize, line: usize) -> MonthSum<'_> {
        if slot.0 & FULL != 0 {
            return self.twelve_month(slot.0 & !FULL, index, line, None);
        }
        let tag = index as u8 + 1;
        let two = *self.two.get(slot.0);
        let place = two.month.iter().position(|&m| m == tag);
        let place = place.or_else(|| two.month.iter().position(|&m| m == 0));
        let Some(k) = place else {
            let moved = self.move_to_twelve(slot.0);
            return self.twelve_month(moved, index, line, Some(Slot(moved | FULL)));
        };
        let two = self.two.get_mut(slot.0);
        let first_line = (two.month[k] == tag).then_some(two.first_line[k] as usize);
        if first_line.is_none() {
            two.month[k] = tag;
            two.first_line[k] = line as u32;
        }
        MonthSum {
            ore: &mut two.ore[k],
            first_line,
            moved: None,
        }
    }

    /// Moves the key in two-month slot `i` to a new twelve-month slot, which it returns, and
    /// frees `i`. Once per key of more than two months, so out of the way of [`KeySums::month`].
    #[cold]
    #[inline(never)]
    fn move_to_twelve(&mut self, i: u32) -> u32 {
        let two = *self.two.get(i);
        let mut twelve = Twelve::default();
        for k in 0..2 {
            let m = usize::from(two.month[k] - 1);
            twelve.ore[m] = two.ore[k];
            twelve.first_line[m] = two.first_line[k];
            twelve.seen |= 1 << m;
        }
        self.free.push(i);
        self.twelve.push(twelve)
    }

    #[inline]
    fn twelve_month(
        &mut self,
        i: u32,
        index: usize,
        line: usize,
        moved: Option<Slot>,
    ) -> MonthSum<'_> {
        let twelve = self.twelve.get_mut(i);
        let bit = 1 << index;
        let first_line = (twelve.seen & bit != 0).then_some(twelve.first_line[index] as usize);
        if first_line.is_none() {
            twelve.seen |= bit;
            twelve.first_line[index] = line as u32;
        }
        MonthSum {
            ore: &mut twelve.ore[index],
            first_line,
            moved,
        }
    }

    /// The key's sums by month index, 0 where a month was not read.
    pub fn ore(&self, slot: Slot) -> [i64; 12] {
        let mut ore = [0; 12];
        self.each(slot, |i, o| ore[i] = o);
        ore
    }

    /// How many months of the key were read.
    pub fn count(&self, slot: Slot) -> usize {
        let mut n = 0;
        self.each(slot, |_, _| n += 1);
        n
    }

    /// The months of `year` the key read, in order, with their sums.
    pub fn read(&self, slot: Slot, year: i32) -> impl Iterator<Item = (Month, Amount)> {
        let (mut read, mut n) = ([(0, 0); 12], 0);
        self.each(slot, |i, ore| {
            read[n] = (i, ore);
            n += 1;
        });
        read.into_iter().take(n).map(move |(i, ore)| {
            let month = Month::new(year, i as u32 + 1).expect("a month of the year");
            (month, Amount::from_ore(ore))
        })
    }

    /// Calls `f` with each month index read and its sum, in month order.
    fn each(&self, slot: Slot, mut f: impl FnMut(usize, i64)) {
        if slot.0 & FULL != 0 {
            let twelve = self.twelve.get(slot.0 & !FULL);
            for i in (0..12).filter(|i| twelve.seen & (1 << i) != 0) {
                f(i, twelve.ore[i]);
            }
            return;
        }
        let two = self.two.get(slot.0);
        // The second place is filled after the first, and may hold the earlier month.
        let order = if two.month[1] != 0 && two.month[1] < two.month[0] {
            [1, 0]
        } else {
            [0, 1]
        };
        for k in order.into_iter().filter(|&k| two.month[k] != 0) {
            f(usize::from(two.month[k] - 1), two.ore[k]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Adds `ore` to month `index` as the reader does, following a move.
    fn add(
        sums: &mut KeySums,
        slot: &mut Slot,
        index: usize,
        ore: i64,
        line: usize,
    ) -> Option<usize> {
        let m = sums.month(*slot, index, line);
        *m.ore += ore;
        let first = m.first_line;
        if let Some(moved) = m.moved {
            *slot = moved;
        }
        first
    }

    #[test]
    fn a_key_keeps_its_months_and_first_lines_when_it_moves_to_twelve() {
        let mut sums = KeySums::default();
        let mut slot = sums.add();
        assert_eq!(add(&mut sums, &mut slot, 7, 100, 2), None);
        assert_eq!(add(&mut sums, &mut slot, 2, 5, 3), None);
        assert_eq!(
            add(&mut sums, &mut slot, 7, 1, 4),
            Some(2),
            "a duplicate names its first line"
        );
        assert_eq!(slot.0 & FULL, 0, "two months fit");
        assert_eq!(add(&mut sums, &mut slot, 11, -9, 5), None);
        assert_ne!(slot.0 & FULL, 0, "a third moves the key");
        assert_eq!(
            add(&mut sums, &mut slot, 2, 1, 6),
            Some(3),
            "first lines move with it"
        );
        let mut expected = [0; 12];
        (expected[2], expected[7], expected[11]) = (6, 101, -9);
        assert_eq!(sums.ore(slot), expected);
        assert_eq!(sums.count(slot), 3);
        let months: Vec<String> = sums
            .read(slot, 2025)
            .map(|(m, a)| format!("{m} {a}"))
            .collect();
        assert_eq!(months, ["2025-03 0.06", "2025-08 1.01", "2025-12 -0.09"]);
    }

    #[test]
    fn two_months_are_read_in_month_order_and_a_freed_slot_starts_empty() {
        let mut sums = KeySums::default();
        let mut first = sums.add();
        add(&mut sums, &mut first, 9, 1, 1);
        add(&mut sums, &mut first, 0, 2, 2);
        let months: Vec<Month> = sums.read(first, 2025).map(|(m, _)| m).collect();
        assert_eq!(
            months,
            [Month::new(2025, 1).unwrap(), Month::new(2025, 10).unwrap()]
        );
        let freed = first;
        add(&mut sums, &mut first, 4, 3, 3);
        let again = sums.add();
        assert_eq!(again, freed, "the moved key's two-month slot is used again");
        assert_eq!((sums.count(again), sums.ore(again)), (0, [0; 12]));
        assert_eq!(sums.count(first), 3, "the moved key is unchanged by it");
    }
}
