//! The order of the tree: which committees the rollup reports, each above those below it,
//! and the OMU each belongs to.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::Committee;
use crate::model::Level;

/// The committees the rollup reports, in the tree's order, each with its depth: all of them,
/// or (with `under`) that committee and those below it.
pub(super) fn in_scope(committees: &[Committee<'_>], under: Option<&str>) -> Vec<(usize, usize)> {
    let in_scope: Option<BTreeSet<String>> = under.map(|u| below(committees, u));
    tree_order(committees)
        .into_iter()
        .filter(|(i, _)| {
            in_scope
                .as_ref()
                .is_none_or(|s| s.contains(&committees[*i].id))
        })
        .collect()
}

/// The committees in the tree's order, each with its depth: the tops (whose parent is not
/// in the tree) by level and id, then each committee's children by id, depth first.
fn tree_order(committees: &[Committee<'_>]) -> Vec<(usize, usize)> {
    let ids: HashMap<&str, usize> = committees
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i))
        .collect();
    let mut children: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    let mut tops = Vec::new();
    for (i, c) in committees.iter().enumerate() {
        match c.parent.as_deref().filter(|p| ids.contains_key(p)) {
            Some(p) => children.entry(p).or_default().push(i),
            None => tops.push(i),
        }
    }
    let rank = |i: &usize| {
        let c = &committees[*i];
        let level = c.catalog.forum_level(&c.id);
        (
            match level {
                Some(Level::Hu) => 0,
                Some(Level::Omu) => 1,
                Some(Level::Lmu) => 2,
                _ => 3,
            },
            c.id.clone(),
            c.folder.clone(),
        )
    };
    tops.sort_by_key(rank);
    for list in children.values_mut() {
        list.sort_by_key(rank);
    }
    let mut order = Vec::new();
    let mut stack: Vec<(usize, usize)> = tops.into_iter().rev().map(|i| (i, 0)).collect();
    let mut seen = vec![false; committees.len()];
    while let Some((i, depth)) = stack.pop() {
        if std::mem::replace(&mut seen[i], true) {
            continue;
        }
        order.push((i, depth));
        if let Some(list) = children.get(committees[i].id.as_str()) {
            stack.extend(list.iter().rev().map(|c| (*c, depth + 1)));
        }
    }
    order
}

/// The committee ids at and below `top`.
fn below(committees: &[Committee<'_>], top: &str) -> BTreeSet<String> {
    let mut set = BTreeSet::from([top.to_owned()]);
    loop {
        let before = set.len();
        for c in committees {
            if c.parent.as_ref().is_some_and(|p| set.contains(p)) {
                set.insert(c.id.clone());
            }
        }
        if set.len() == before {
            return set;
        }
    }
}

/// The OMU that committee `i` belongs to (itself, for an OMU); null above the OMUs. It climbs
/// at most once per committee, so a circle of parents (which `validate` refuses) ends too.
pub(super) fn area_of(committees: &[Committee<'_>], i: usize) -> Option<String> {
    let mut c = &committees[i];
    for _ in 0..committees.len() {
        if c.catalog.forum_level(&c.id) == Some(Level::Omu) {
            return Some(c.id.clone());
        }
        let parent = c.parent.as_deref()?;
        c = committees.iter().find(|x| x.id == parent)?;
    }
    None
}
