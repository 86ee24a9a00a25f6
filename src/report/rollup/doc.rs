//! The rollup as a printed document: the figures, the coverage of activities and themes,
//! each committee's decisions and action points, the stories, the prompts, the committees.

use chrono::NaiveDate;

use super::{Coverage, Group, MeetingRef, Rollup};
use crate::report::actions::ActionLine;
use crate::report::decisions::DecisionKind;
use crate::report::doc::{Block, Doc, Entry, Fact, Printable, Style, Text};

impl Rollup {
    /// The name of the OMU a committee below it belongs to.
    fn area_name(&self, g: &Group) -> Option<String> {
        let area = g.area.as_deref().filter(|a| *a != g.committee)?;
        self.committees
            .iter()
            .find(|c| c.id == area)
            .map(|c| c.name.clone())
    }
}

fn refs_text(refs: &[MeetingRef]) -> String {
    refs.iter()
        .map(|r| format!("{} ({})", r.committee_name, r.date_text))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Printable for Rollup {
    fn doc(&self) -> Doc {
        let lang = self.language;
        let w = lang.words();
        let mut doc = Doc::new(lang);
        doc.kind = w.rollup_title.to_owned();
        doc.title = self.top_name.clone();
        doc.running = Some(self.title.clone());
        let mut facts = vec![Fact {
            label: w.as_of.to_owned(),
            value: self
                .today
                .parse::<NaiveDate>()
                .map_or_else(|_| self.today.clone(), |d| lang.long_date(d)),
        }];
        if !self.limits.is_empty() {
            facts.push(Fact {
                label: w.filters.to_owned(),
                value: self.limits.join(", "),
            });
        }
        doc.blocks.push(Block::Facts { facts });
        let c = &self.counts;
        doc.blocks.push(Block::heading(w.rollup_counts));
        doc.blocks.push(Block::Table {
            headers: vec![String::new(), String::new()],
            rows: [
                (w.committees, c.committees),
                (w.committees_reached, c.committees_reached),
                (w.meetings_held, c.meetings_held),
                (w.open_actions, c.actions_open),
                (w.actions_done_count, c.actions_done),
                (w.actions_overdue_count, c.actions_overdue),
            ]
            .iter()
            .map(|(label, n)| vec![(*label).to_owned(), n.to_string()])
            .collect(),
        });
        let coverage_table = |list: &[Coverage], first: &str, with_state: bool| {
            let mut headers = vec![first.to_owned()];
            if with_state {
                headers.extend([w.period.to_owned(), w.progress.to_owned()]);
            }
            headers.extend([
                w.met_on_it.to_owned(),
                w.planned_on_it.to_owned(),
                w.not_yet.to_owned(),
            ]);
            Block::Table {
                headers,
                rows: list
                    .iter()
                    .map(|a| {
                        let mut row = vec![a.title.clone()];
                        if with_state {
                            let mut state = a.state_text.clone();
                            if let Some(note) = &a.outcome_note {
                                state = format!("{state}: {note}");
                            }
                            row.extend([a.period_text.clone(), state]);
                        }
                        let not_yet = match &a.not_yet {
                            None => w.no_committee_named.to_owned(),
                            Some(_) => a.not_yet_names.join(", "),
                        };
                        row.extend([refs_text(&a.held), refs_text(&a.planned), not_yet]);
                        row
                    })
                    .collect(),
            }
        };
        doc.blocks.push(Block::heading(w.roadmap_activities));
        if self.activities.is_empty() {
            doc.blocks
                .push(Block::paragraph(Style::Plain, w.nothing_to_show));
        } else {
            doc.blocks
                .push(coverage_table(&self.activities, w.activity, true));
        }
        doc.blocks.push(Block::heading(w.themes));
        if self.themes.is_empty() {
            doc.blocks
                .push(Block::paragraph(Style::Plain, w.nothing_to_show));
        } else {
            doc.blocks
                .push(coverage_table(&self.themes, w.theme, false));
        }
        doc.blocks.push(Block::heading(w.decisions_and_actions));
        let mut any = false;
        for g in &self.groups {
            if g.decisions.is_empty() && g.actions.is_empty() {
                continue;
            }
            any = true;
            let mut body = Vec::new();
            if !g.decisions.is_empty() {
                body.push(Block::List {
                    numbered: false,
                    entries: g
                        .decisions
                        .iter()
                        .map(|d| {
                            let label = match d.kind {
                                DecisionKind::Decision => w.decision,
                                DecisionKind::Conclusion => w.conclusion,
                                DecisionKind::Postponed => w.postponed,
                            };
                            let mut e = Entry::new(format!("{label}: {}", d.text));
                            e.notes.push(Text::new(
                                Style::Small,
                                format!("{} · {}", d.meeting_title, d.date_text),
                            ));
                            e
                        })
                        .collect(),
                });
            }
            if !g.actions.is_empty() {
                body.push(ActionLine::table(&g.actions, lang));
            }
            let mut meta: Vec<String> = g.level.iter().map(|l| lang.level(*l).to_owned()).collect();
            if let Some(area) = self.area_name(g) {
                meta.push(area);
            }
            doc.blocks.push(Block::Item {
                number: String::new(),
                title: g.name.clone(),
                meta: (!meta.is_empty()).then(|| meta.join(" · ")),
                body,
            });
        }
        if !any {
            doc.blocks
                .push(Block::paragraph(Style::Plain, w.nothing_to_show));
        }
        doc.blocks.push(Block::heading(w.good_stories));
        if self.stories.is_empty() {
            doc.blocks
                .push(Block::paragraph(Style::Plain, w.nothing_to_show));
        } else {
            doc.blocks.push(Block::List {
                numbered: false,
                entries: self
                    .stories
                    .iter()
                    .map(|s| {
                        let mut e = Entry::new(s.text.clone());
                        e.notes.push(Text::new(
                            Style::Small,
                            format!(
                                "{} · {} · {}",
                                s.committee_name, s.meeting_title, s.date_text
                            ),
                        ));
                        e
                    })
                    .collect(),
            });
        }
        doc.blocks.push(Block::heading(w.prompts_used));
        if self.prompts.is_empty() {
            doc.blocks
                .push(Block::paragraph(Style::Plain, w.nothing_to_show));
        } else {
            doc.blocks.push(Block::Table {
                headers: [w.prompts, w.times, w.committees]
                    .map(str::to_owned)
                    .to_vec(),
                rows: self
                    .prompts
                    .iter()
                    .map(|p| {
                        vec![
                            p.text.clone(),
                            p.count.to_string(),
                            p.committees.len().to_string(),
                        ]
                    })
                    .collect(),
            });
        }
        doc.blocks.push(Block::heading(w.committees));
        doc.blocks.push(Block::Table {
            headers: [w.committee, w.level, w.meetings, w.meetings_held]
                .map(str::to_owned)
                .to_vec(),
            rows: self
                .committees
                .iter()
                .map(|c| {
                    vec![
                        format!("{}{}", "– ".repeat(c.depth), c.name),
                        c.level.map_or("", |l| lang.level(l)).to_owned(),
                        c.meetings.to_string(),
                        c.meetings_held.to_string(),
                    ]
                })
                .collect(),
        });
        if !self.broken.is_empty() {
            doc.blocks.push(Block::heading(w.broken_folders));
            doc.blocks.push(Block::List {
                numbered: false,
                entries: self
                    .broken
                    .iter()
                    .map(|b| {
                        let mut e = Entry::new(b.folder.clone());
                        e.tail = format!(" ({} {})", b.errors, w.errors_word);
                        e
                    })
                    .collect(),
            });
        }
        doc
    }
}
