//! The public version of a data set: every confidential agenda item replaced by a
//! placeholder before any report sees it, so that no renderer can print what it never gets.
//!
//! A placeholder keeps the item's number, its place and its length (so that numbers and time
//! slots do not shift), says "Fortroligt punkt", and has nothing else. It is built from
//! scratch rather than by blanking fields, so that a field added to an item later is withheld
//! too until someone decides otherwise.

use std::collections::{BTreeSet, HashSet};

use super::{AgendaItem, Catalog, Dataset, Id, ItemMinutes, Located};

/// The words a placeholder says, in the output language where the model has one text.
#[derive(Clone, Copy, Debug)]
pub struct Withheld<'a> {
    /// "Fortroligt punkt", the title in Danish.
    pub title: &'a str,
    /// "Confidential item", the title in English.
    pub title_en: &'a str,
    /// What a placeholder's decision says: "Beslutningen er fortrolig."
    pub decision: &'a str,
    /// What a placeholder's conclusion says: "Konklusionen er fortrolig."
    pub conclusion: &'a str,
}

impl Dataset {
    /// Whether any agenda item of the data is confidential.
    pub fn has_confidential(&self) -> bool {
        self.programme
            .meetings
            .iter()
            .flat_map(|m| &m.items)
            .chain(self.programme.templates.iter().flat_map(|t| &t.items))
            .any(|i| i.confidential)
    }

    /// The public version: every confidential item of a meeting's agenda, of a template and
    /// of the annual cycle becomes a placeholder; what its minutes say of it becomes a
    /// placeholder that says only that there was a decision or a conclusion; its action
    /// points, protokoltilførsler and stories go, as do the action points an issued agenda
    /// listed from it, and the prompts that only confidential items use.
    pub fn withhold_confidential(&mut self, words: Withheld<'_>) {
        if !self.has_confidential() {
            return;
        }
        // Which numbers of which meeting's agenda are confidential, by the one numbering
        // rule (breaks take no number; an inserted follow-up does).
        let closed: HashSet<(Id, u32)> = {
            let catalog = Catalog::new(self);
            self.programme
                .meetings
                .iter()
                .filter_map(|m| {
                    let numbered = catalog.numbered_items(&m.id)?;
                    Some(numbered.into_iter().enumerate().filter_map(|(i, item)| {
                        item.filter(|item| item.confidential)
                            .map(|_| (m.id.value.clone(), i as u32 + 1))
                    }))
                })
                .flatten()
                .collect()
        };
        let withheld_prompts = self.prompts_only_confidential_items_use();
        // The action points of confidential items, by meeting and id, before they go: an
        // issued agenda's follow-up may quote them.
        let closed_actions: HashSet<(Id, Id)> = self
            .minutes
            .iter()
            .flat_map(|m| {
                let meeting = m.meeting.value.clone();
                let closed = &closed;
                m.actions.iter().filter_map(move |a| {
                    let item = a.item.as_ref()?.value;
                    closed
                        .contains(&(meeting.clone(), item))
                        .then(|| (meeting.clone(), a.id.value.clone()))
                })
            })
            .collect();

        let programme = &mut self.programme;
        for meeting in &mut programme.meetings {
            withhold_items(&mut meeting.value.items, words);
            if let Some(issued) = &mut meeting.value.issued {
                issued.actions.retain(|a| {
                    !closed_actions.contains(&(a.meeting.value.clone(), a.id.value.clone()))
                });
            }
        }
        for template in &mut programme.templates {
            withhold_items(&mut template.value.items, words);
        }
        if let Some(cycle) = &mut self.cycle {
            for rule in &mut cycle.rules {
                if rule.item.confidential {
                    rule.value.item = placeholder(&rule.item, words);
                }
            }
        }
        for minutes in &mut self.minutes {
            let meeting = minutes.meeting.value.clone();
            let is_closed = |n: u32| closed.contains(&(meeting.clone(), n));
            for item in &mut minutes.value.items {
                if is_closed(item.item.value) {
                    *item = placeholder_minutes(item, words);
                }
            }
            minutes
                .value
                .actions
                .retain(|a| !a.item.as_ref().is_some_and(|n| is_closed(n.value)));
        }
        self.findings
            .prompts
            .retain(|p| !withheld_prompts.contains(&p.id.value));
    }

    /// The prompts that confidential items use and no other item does.
    fn prompts_only_confidential_items_use(&self) -> BTreeSet<Id> {
        let items = || {
            self.programme
                .meetings
                .iter()
                .flat_map(|m| &m.items)
                .chain(self.programme.templates.iter().flat_map(|t| &t.items))
                .map(|i| &i.value)
                .chain(
                    self.cycle
                        .iter()
                        .flat_map(|c| &c.rules)
                        .map(|r| &r.item.value),
                )
        };
        let open: HashSet<&str> = items()
            .filter(|i| !i.confidential)
            .flat_map(|i| &i.prompts)
            .map(|p| p.value.as_str())
            .collect();
        items()
            .filter(|i| i.confidential)
            .flat_map(|i| &i.prompts)
            .filter(|p| !open.contains(p.value.as_str()))
            .map(|p| p.value.clone())
            .collect()
    }
}

fn withhold_items(items: &mut [Located<AgendaItem>], words: Withheld<'_>) {
    for item in items {
        if item.confidential {
            *item = placeholder(item, words);
        }
    }
}

/// What stands in a confidential item's place: its length and position, and nothing of it.
fn placeholder(item: &Located<AgendaItem>, words: Withheld<'_>) -> Located<AgendaItem> {
    Located {
        value: AgendaItem {
            title: Located::new(words.title.to_owned()),
            title_en: Some(words.title_en.to_owned()),
            minutes: item.minutes.clone(),
            fixed: item.fixed,
            // What the item is for decides its number and the follow-up's place; it says
            // nothing of the item, and keeps the numbers of both versions the same.
            role: item.role(),
            confidential: true,
            withheld: true,
            ..AgendaItem::default()
        },
        pos: item.pos,
    }
}

/// What stands in the place of a confidential item's minutes: that it was decided or
/// concluded (so that it is counted), never what.
fn placeholder_minutes(item: &ItemMinutes, words: Withheld<'_>) -> ItemMinutes {
    ItemMinutes {
        item: item.item.clone(),
        decision: item.decision.as_ref().map(|_| words.decision.to_owned()),
        conclusion: item
            .conclusion
            .as_ref()
            .map(|_| words.conclusion.to_owned()),
        noted: item.noted,
        ..ItemMinutes::default()
    }
}
