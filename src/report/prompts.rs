//! Picking dialogue prompts: N of them, balanced across themes, reproducible from a seed;
//! and laying them out as cut-out cards.

use serde::Serialize;

use crate::lang::Lang;
use crate::model::Catalog;
use crate::report::list::PromptRow;

/// SplitMix64: tiny, and fixed here so that a seed gives the same pick in every version and
/// on every machine (no dependency whose algorithm could change).
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Fisher–Yates.
    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

/// Picks `count` prompts, balanced across themes: each theme's prompts are shuffled with
/// the seed, then the themes take turns, in the order the data defines them, each giving
/// its next prompt not yet picked.
pub fn pick<'a>(
    rows: Vec<PromptRow<'a>>,
    count: usize,
    seed: u64,
    theme_order: &[&str],
) -> Vec<PromptRow<'a>> {
    let mut rng = SplitMix64(seed);
    let mut queues: Vec<Vec<usize>> = theme_order
        .iter()
        .map(|theme| {
            (0..rows.len())
                .filter(|&i| rows[i].themes.contains(theme))
                .collect::<Vec<_>>()
        })
        .filter(|q| !q.is_empty())
        .collect();
    let unthemed: Vec<usize> = (0..rows.len())
        .filter(|&i| rows[i].themes.is_empty())
        .collect();
    if !unthemed.is_empty() {
        queues.push(unthemed);
    }
    for queue in &mut queues {
        rng.shuffle(queue);
        queue.reverse(); // pop from the back = take from the front
    }
    let mut taken = vec![false; rows.len()];
    let mut order = Vec::new();
    while order.len() < count.min(rows.len()) {
        let mut progressed = false;
        for queue in &mut queues {
            if order.len() == count {
                break;
            }
            while let Some(i) = queue.pop() {
                if !taken[i] {
                    taken[i] = true;
                    order.push(i);
                    progressed = true;
                    break;
                }
            }
        }
        if !progressed {
            break;
        }
    }
    let mut slots: Vec<Option<PromptRow<'a>>> = rows.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}

/// One cut-out card.
#[derive(Clone, Debug, Serialize)]
pub struct Card {
    pub id: String,
    pub text: String,
    pub theme: String,
    pub source: String,
}

/// Cards in sheets of [`CARDS_PER_SHEET`], one sheet per A4 page.
#[derive(Clone, Debug, Serialize)]
pub struct CardSheets {
    pub lang: Lang,
    pub title: String,
    pub sheets: Vec<Vec<Card>>,
}

/// Two columns of four: cards of about 95 × 69 mm.
pub const CARDS_PER_SHEET: usize = 8;

pub fn cards(rows: &[PromptRow<'_>], catalog: &Catalog<'_>, lang: Lang) -> CardSheets {
    let cards: Vec<Card> = rows
        .iter()
        .map(|r| Card {
            id: r.id.to_owned(),
            text: match (lang, r.text_en) {
                (Lang::En, Some(en)) => en.to_owned(),
                _ => r.text.to_owned(),
            },
            theme: r
                .themes
                .iter()
                .map(|t| catalog.theme_title(t, lang))
                .find(|_| true)
                .unwrap_or_default()
                .to_owned(),
            source: r
                .source_texts
                .iter()
                .map(|s| format!("{}: {}", s.section, s.text))
                .collect::<Vec<_>>()
                .join(" · "),
        })
        .collect();
    CardSheets {
        lang,
        title: lang.pick("Dialogkort", "Dialogue cards").to_owned(),
        sheets: cards
            .chunks(CARDS_PER_SHEET)
            .map(<[Card]>::to_vec)
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::SplitMix64;

    #[test]
    fn the_generator_is_fixed() {
        // The sequence must never change: seeds printed on paper must keep working.
        // Reference values from an independent implementation of SplitMix64.
        let mut rng = SplitMix64(7);
        assert_eq!(
            [rng.next(), rng.next(), rng.next()],
            [
                0x63cb_e1e4_5932_0dd7,
                0x044c_3cd7_f43c_661c,
                0xe698_4080_bab1_2a02
            ]
        );
    }
}
