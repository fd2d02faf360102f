//! The reader of karta 0.1 before the one-pass rewrite: a `get` per field.
//! Kept for the tests as the reference the fast reader must match.

use std::collections::{BTreeMap, HashMap, HashSet};

use automerge::{ObjId, ROOT, ReadDoc};
use chrono::NaiveDate;

use karta::model::{
    Activity, Approval, Column, ColumnRole, Meta, Period, Roadmap, Section, SectionKind, Stage,
    Status,
};

use karta::store::read::{get_bool, get_map, get_str, get_text, get_uint, split_lines};
use karta::store::schema::{self, meta, node};

fn get_date<D: ReadDoc>(doc: &D, obj: &ObjId, key: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(get_str(doc, obj, key).trim(), "%Y-%m-%d").ok()
}

/// Reads the whole roadmap.
pub fn read_roadmap<D: ReadDoc>(doc: &D) -> Roadmap {
    let mut roadmap = Roadmap {
        id: get_str(doc, &ROOT, schema::K_ID),
        meta: read_meta(doc),
        columns: read_columns(doc),
        ..Roadmap::default()
    };
    let mut nodes = read_sections(doc);
    let mut by_section = read_activities(doc, &nodes);
    roadmap.activities = by_section.remove("").unwrap_or_default();
    roadmap.sections = build_tree(&mut nodes, &mut by_section);
    roadmap
}

fn read_meta<D: ReadDoc>(doc: &D) -> Meta {
    let Some(obj) = get_map(doc, &ROOT, schema::K_META) else {
        return Meta::default();
    };
    let number = get_str(doc, &obj, meta::APPROVAL_NUMBER);
    let date = get_date(doc, &obj, meta::APPROVAL_DATE);
    let approval = (!number.is_empty() || date.is_some()).then_some(Approval { number, date });
    let period = match (
        get_date(doc, &obj, meta::PERIOD_FROM),
        get_date(doc, &obj, meta::PERIOD_TO),
    ) {
        (Some(from), Some(to)) if from <= to => Some(Period { from, to }),
        _ => None,
    };
    Meta {
        title: get_str(doc, &obj, meta::TITLE),
        municipality: get_str(doc, &obj, meta::MUNICIPALITY),
        approval,
        period,
        notes: get_text(doc, &obj, meta::NOTES),
    }
}

fn read_columns<D: ReadDoc>(doc: &D) -> Vec<Column> {
    let Some(obj) = get_map(doc, &ROOT, schema::K_COLUMNS) else {
        return Vec::new();
    };
    let mut columns: Vec<(String, Column)> = doc
        .keys(&obj)
        .filter_map(|key| {
            let col = get_map(doc, &obj, &key)?;
            let written = get_str(doc, &col, node::COLUMN_ROLE);
            let role = ColumnRole::parse(&written);
            Some((
                get_str(doc, &col, node::POS),
                Column {
                    title: get_str(doc, &col, node::COLUMN_TITLE),
                    key,
                    role: role.unwrap_or(ColumnRole::Other),
                    written_role: (role.is_none() && !written.is_empty())
                        .then(|| karta::model::text::one_line(&written)),
                },
            ))
        })
        .collect();
    columns.sort_by(|a, b| (&a.0, &a.1.key).cmp(&(&b.0, &b.1.key)));
    columns.into_iter().map(|(_, c)| c).collect()
}

/// A section read from the document, before the tree is built.
struct Node {
    parent: String,
    pos: String,
    section: Section,
}

fn read_sections<D: ReadDoc>(doc: &D) -> HashMap<String, Node> {
    let Some(obj) = get_map(doc, &ROOT, schema::K_SECTIONS) else {
        return HashMap::new();
    };
    doc.keys(&obj)
        .filter_map(|id| {
            let s = get_map(doc, &obj, &id)?;
            if get_bool(doc, &s, node::DELETED) {
                return None;
            }
            let section = Section {
                number: get_str(doc, &s, node::NUMBER),
                title: get_str(doc, &s, node::TITLE),
                kind: SectionKind::parse(&get_str(doc, &s, node::KIND)),
                stage: get_uint(doc, &s, node::STAGE).and_then(Stage::from_number),
                responsible: split_lines(&get_str(doc, &s, node::RESPONSIBLE)),
                id: id.clone(),
                ..Section::default()
            };
            let node = Node {
                parent: get_str(doc, &s, node::PARENT),
                pos: get_str(doc, &s, node::POS),
                section,
            };
            Some((id, node))
        })
        .collect()
}

/// Reads one activity map.
pub fn read_activity<D: ReadDoc>(doc: &D, id: &str, obj: &ObjId) -> Activity {
    let cells = get_map(doc, obj, node::CELLS)
        .map(|cells| {
            doc.keys(&cells)
                .map(|k| {
                    let v = get_text(doc, &cells, &k);
                    (k, v)
                })
                .filter(|(_, v)| !v.is_empty())
                .collect()
        })
        .unwrap_or_default();
    Activity {
        id: id.to_string(),
        number: get_str(doc, obj, node::NUMBER),
        text: get_text(doc, obj, node::TEXT),
        deadline: get_str(doc, obj, node::DEADLINE),
        responsible: split_lines(&get_str(doc, obj, node::RESPONSIBLE)),
        status: Status::parse(&get_str(doc, obj, node::STATUS)).unwrap_or_default(),
        cells,
        ..Activity::default()
    }
}

fn read_activities<D: ReadDoc>(
    doc: &D,
    sections: &HashMap<String, Node>,
) -> HashMap<String, Vec<Activity>> {
    let mut by_section: HashMap<String, Vec<(String, Activity)>> = HashMap::new();
    if let Some(obj) = get_map(doc, &ROOT, schema::K_ACTIVITIES) {
        for id in doc.keys(&obj) {
            let Some(a) = get_map(doc, &obj, &id) else {
                continue;
            };
            if get_bool(doc, &a, node::DELETED) {
                continue;
            }
            let mut section = get_str(doc, &a, node::SECTION);
            if !sections.contains_key(&section) {
                section.clear();
            }
            let pos = get_str(doc, &a, node::POS);
            by_section
                .entry(section)
                .or_default()
                .push((pos, read_activity(doc, &id, &a)));
        }
    }
    by_section
        .into_iter()
        .map(|(section, mut list)| {
            list.sort_by(|a, b| (&a.0, &a.1.id).cmp(&(&b.0, &b.1.id)));
            (section, list.into_iter().map(|(_, a)| a).collect())
        })
        .collect()
}

/// Builds the section tree. Sections whose parent is missing, deleted or part
/// of a cycle (concurrent moves can make one) are put at the top level.
fn build_tree(
    nodes: &mut HashMap<String, Node>,
    activities: &mut HashMap<String, Vec<Activity>>,
) -> Vec<Section> {
    let mut children: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    let mut roots: Vec<(String, String)> = Vec::new();
    for (id, n) in nodes.iter() {
        if n.parent.is_empty() || !nodes.contains_key(&n.parent) || n.parent == *id {
            roots.push((n.pos.clone(), id.clone()));
        } else {
            children
                .entry(n.parent.clone())
                .or_default()
                .push((n.pos.clone(), id.clone()));
        }
    }
    // Sections unreachable from the roots sit on a cycle: lift the smallest id
    // of each cycle to the top level until everything is reachable.
    loop {
        let reachable = reachable_from(&roots, &children);
        let mut stranded: Vec<&String> =
            nodes.keys().filter(|id| !reachable.contains(*id)).collect();
        if stranded.is_empty() {
            break;
        }
        stranded.sort();
        let lifted = stranded[0].clone();
        if let Some(n) = nodes.get(&lifted) {
            if let Some(list) = children.get_mut(&n.parent) {
                list.retain(|(_, id)| *id != lifted);
            }
            roots.push((n.pos.clone(), lifted));
        }
    }
    assemble(&mut roots, nodes, &mut children, activities)
}

fn reachable_from(
    roots: &[(String, String)],
    children: &BTreeMap<String, Vec<(String, String)>>,
) -> HashSet<String> {
    let mut seen = HashSet::new();
    let mut stack: Vec<&String> = roots.iter().map(|(_, id)| id).collect();
    while let Some(id) = stack.pop() {
        if seen.insert(id.clone())
            && let Some(list) = children.get(id)
        {
            stack.extend(list.iter().map(|(_, c)| c));
        }
    }
    seen
}

fn assemble(
    list: &mut [(String, String)],
    nodes: &mut HashMap<String, Node>,
    children: &mut BTreeMap<String, Vec<(String, String)>>,
    activities: &mut HashMap<String, Vec<Activity>>,
) -> Vec<Section> {
    list.sort();
    let mut out = Vec::with_capacity(list.len());
    for (_, id) in list.iter() {
        let Some(node) = nodes.remove(id) else {
            continue;
        };
        let mut section = node.section;
        section.activities = activities.remove(id).unwrap_or_default();
        if let Some(mut kids) = children.remove(id) {
            section.sections = assemble(&mut kids, nodes, children, activities);
        }
        out.push(section);
    }
    out
}
