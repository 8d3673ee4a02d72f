//! The committee paper's sections after the summary: key figures, the deviation table, the
//! months (charts with their tables), material deviations with explanations and actions,
//! escalation, effects, grants, the result bridge and goals. Each takes its figures from the
//! engine reports in [`Sources`] as they are; a section without data has no blocks and is
//! left out of the paper.
//!
//! Not here: the written text (`summary.rs`, which also writes the goals' sentence).

use crate::num::money::Amount;

use super::summary;
use super::words::{self, Words};
use super::{
    Block, Cell, Chart, ChartKind, Figure, KeyFigure, Row, Section, SectionKind, Series, Sources,
    Table,
};

fn section(w: Words, kind: SectionKind, blocks: Vec<Block>) -> Section {
    Section {
        kind,
        heading: w.heading(kind).into(),
        blocks,
    }
}

fn text(t: &str) -> Cell {
    Cell::Text(t.into())
}

fn columns(w: Words, pairs: &[(&str, &str)]) -> Vec<String> {
    pairs.iter().map(|(sv, en)| w.pick(sv, en).into()).collect()
}

/// "Hälso- och sjukvårdsnämnden, augusti 2025": the end of every caption.
fn of(s: &Sources, w: Words) -> String {
    format!("{}, {}", s.name, w.month(s.as_of))
}

/// A table's or figure's caption: what it is (in the paper's language), of which unit and month.
fn caption(s: &Sources, w: Words, sv: &str, en: &str) -> String {
    format!("{} {}", w.pick(sv, en), of(s, w))
}

pub(crate) fn key_figures(s: &Sources) -> Section {
    let w = words::of(s.lang);
    let row = &s.deviation.rows[0];
    let mut items = vec![
        (
            "deviation.ytd.budget",
            w.pick("Budget hittills i år", "Budget to date"),
            Cell::Amount(Some(row.ytd.budget)),
        ),
        (
            "deviation.ytd.outcome",
            w.pick("Resultat hittills i år", "Result to date"),
            Cell::Amount(row.ytd.outcome),
        ),
        (
            "deviation.ytd.deviation",
            w.pick("Avvikelse hittills i år", "Deviation to date"),
            Cell::Amount(row.ytd.deviation),
        ),
        (
            "deviation.ytd.underlying",
            w.pick(
                "Underliggande avvikelse hittills i år",
                "Underlying deviation to date",
            ),
            Cell::Amount(row.ytd.underlying),
        ),
        (
            "deviation.fullYear.budget",
            w.pick("Budget helår", "Full-year budget"),
            Cell::Amount(Some(row.full_year.budget)),
        ),
        (
            "deviation.fullYear.forecast",
            w.pick("Helårsprognos", "Full-year forecast"),
            Cell::Amount(row.full_year.forecast),
        ),
        (
            "deviation.fullYear.deviation",
            w.pick("Prognosavvikelse", "Forecast deviation"),
            Cell::Amount(row.full_year.deviation),
        ),
    ];
    if let Some(unit) = s.effects.unit(&s.unit) {
        items.push((
            "effects.year.expected",
            w.pick(
                "Åtgärdernas förväntade effekt i år",
                "Expected effect of measures this year",
            ),
            Cell::Amount(Some(unit.year.expected)),
        ));
    }
    let mut items: Vec<(String, &str, Cell)> = items
        .into_iter()
        .map(|(name, label, value)| (name.to_string(), label, value))
        .collect();
    for p in s.programmes() {
        items.push((
            format!("effects.programmes[{}].need", p.id),
            w.pick("Behov av nya åtgärder", "Need for new measures"),
            Cell::Amount(Some(p.need)),
        ));
    }
    if let Some(g) = s.grants.rows.first().filter(|g| !g.ytd.grants.is_zero()) {
        items.push((
            "grants.ytd.structural".into(),
            w.pick(
                "Resultat utan tillfälliga statsbidrag hittills i år",
                "Result without temporary grants to date",
            ),
            Cell::Amount(Some(g.ytd.structural)),
        ));
    }
    let items = items
        .into_iter()
        .map(|(name, label, value)| KeyFigure {
            name,
            label: label.into(),
            value,
        })
        .collect();
    section(
        w,
        SectionKind::KeyFigures,
        vec![Block::KeyFigures { items }],
    )
}

pub(crate) fn deviation(s: &Sources) -> Section {
    let w = words::of(s.lang);
    let rows = s
        .shown_rows()
        .map(|r| Row {
            cells: vec![
                text(&r.head.name),
                Cell::Amount(Some(r.ytd.budget)),
                Cell::Amount(r.ytd.outcome),
                Cell::Amount(r.ytd.deviation),
                Cell::Percent(r.ytd.percent_of_gross_cost.or(r.ytd.percent)),
                Cell::Amount(r.full_year.forecast),
                Cell::Amount(r.full_year.deviation),
                text(w.status(r.full_year.status.or(r.ytd.status))),
            ],
            depth: r.head.depth,
        })
        .collect();
    let table = Table {
        id: "deviation".into(),
        caption: caption(s, w, "Avvikelse mot budget,", "Deviation from budget,"),
        columns: columns(
            w,
            &[
                ("Enhet", "Unit"),
                ("Budget hittills", "Budget to date"),
                ("Utfall hittills", "Outcome to date"),
                ("Avvikelse hittills", "Deviation to date"),
                ("Avvikelse % av brutto", "Deviation % of gross"),
                ("Helårsprognos", "Full-year forecast"),
                ("Prognosavvikelse", "Forecast deviation"),
                ("Status", "Status"),
            ],
        ),
        rows,
    };
    section(w, SectionKind::Deviation, vec![Block::Table(table)])
}

pub(crate) fn months(s: &Sources) -> Section {
    let w = words::of(s.lang);
    let m = &s.months;
    let labels: Vec<String> = m
        .months
        .iter()
        .map(|r| w.month_short(r.month).into())
        .collect();
    let month_cell = |r: &super::months::MonthRow| text(w.month_short(r.month));
    let series = |key: &str, sv: &str, en: &str, values: Vec<Option<Amount>>| Series {
        key: key.into(),
        label: w.pick(sv, en).into(),
        values,
    };
    let monthly = Figure {
        id: "months".into(),
        title: caption(
            s,
            w,
            "Budget och utfall per månad,",
            "Budget and outcome by month,",
        ),
        chart: Chart {
            kind: ChartKind::Bars,
            labels: labels.clone(),
            series: vec![
                series(
                    "budget",
                    "Budget",
                    "Budget",
                    m.months.iter().map(|r| Some(r.budget)).collect(),
                ),
                series(
                    "outcome",
                    "Utfall",
                    "Outcome",
                    m.months.iter().map(|r| r.outcome).collect(),
                ),
            ],
        },
        table: Table {
            id: "months".into(),
            caption: caption(
                s,
                w,
                "Budget och utfall per månad,",
                "Budget and outcome by month,",
            ),
            columns: columns(
                w,
                &[
                    ("Månad", "Month"),
                    ("Budget", "Budget"),
                    ("Utfall", "Outcome"),
                    ("Avvikelse", "Deviation"),
                ],
            ),
            rows: m
                .months
                .iter()
                .map(|r| Row {
                    cells: vec![
                        month_cell(r),
                        Cell::Amount(Some(r.budget)),
                        Cell::Amount(r.outcome),
                        Cell::Amount(r.deviation),
                    ],
                    depth: 0,
                })
                .collect(),
        },
    };
    let cumulative = Figure {
        id: "months-cumulative".into(),
        title: caption(
            s,
            w,
            "Ackumulerat och helårsprognosen månad för månad,",
            "Cumulative, and the full-year forecast month by month,",
        ),
        chart: Chart {
            kind: ChartKind::Lines,
            labels,
            series: vec![
                series(
                    "cumulativeBudget",
                    "Budget ackumulerat",
                    "Budget, cumulative",
                    m.months.iter().map(|r| Some(r.cumulative_budget)).collect(),
                ),
                series(
                    "cumulativeOutcome",
                    "Utfall ackumulerat",
                    "Outcome, cumulative",
                    m.months.iter().map(|r| r.cumulative_outcome).collect(),
                ),
                series(
                    "forecast",
                    "Helårsprognos",
                    "Full-year forecast",
                    m.months.iter().map(|r| r.forecast).collect(),
                ),
            ],
        },
        table: Table {
            id: "months-cumulative".into(),
            caption: caption(
                s,
                w,
                "Ackumulerat och helårsprognosen månad för månad,",
                "Cumulative, and the full-year forecast month by month,",
            ),
            columns: columns(
                w,
                &[
                    ("Månad", "Month"),
                    ("Budget ackumulerat", "Budget, cumulative"),
                    ("Utfall ackumulerat", "Outcome, cumulative"),
                    ("Avvikelse ackumulerat", "Deviation, cumulative"),
                    ("Helårsprognos", "Full-year forecast"),
                    ("Prognos gjord", "Forecast made"),
                ],
            ),
            rows: m
                .months
                .iter()
                .map(|r| Row {
                    cells: vec![
                        month_cell(r),
                        Cell::Amount(Some(r.cumulative_budget)),
                        Cell::Amount(r.cumulative_outcome),
                        Cell::Amount(r.cumulative_deviation),
                        Cell::Amount(r.forecast),
                        Cell::Month(r.forecast_made),
                    ],
                    depth: 0,
                })
                .collect(),
        },
    };
    let mut blocks = vec![Block::Figure(monthly), Block::Figure(cumulative)];
    if m.prior_outcome_through.is_some() {
        blocks.push(Block::Table(Table {
            id: "months-prior-year".into(),
            caption: caption(
                s,
                w,
                "Utfall mot samma månad förra året,",
                "Outcome against the same month last year,",
            ),
            columns: vec![
                w.pick("Månad", "Month").into(),
                format!("{} {}", w.pick("Utfall", "Outcome"), m.year),
                format!("{} {}", w.pick("Utfall", "Outcome"), m.year - 1),
                w.pick("Förändring", "Change").into(),
            ],
            rows: m
                .months
                .iter()
                .filter(|r| r.month <= s.as_of)
                .map(|r| Row {
                    cells: vec![
                        month_cell(r),
                        Cell::Amount(r.outcome),
                        Cell::Amount(r.prior_outcome),
                        Cell::Amount(r.change),
                    ],
                    depth: 0,
                })
                .collect(),
        }));
    }
    section(w, SectionKind::Months, blocks)
}

pub(crate) fn material(s: &Sources) -> Section {
    let w = words::of(s.lang);
    let items = s.material();
    if items.is_empty() {
        return section(w, SectionKind::Material, Vec::new());
    }
    let join = |comments: &[&crate::model::Comment]| {
        comments
            .iter()
            .map(|c| c.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let rows = items
        .iter()
        .map(|i| {
            let action = i.actions.first();
            Row {
                cells: vec![
                    text(&i.row.head.name),
                    Cell::Amount(i.row.ytd.deviation),
                    Cell::Amount(i.row.full_year.deviation),
                    text(w.status(i.row.full_year.status.or(i.row.ytd.status))),
                    match i.explanations.is_empty() {
                        true => text(w.missing_explanation()),
                        false => text(&join(&i.explanations)),
                    },
                    text(&join(&i.actions)),
                    text(action.and_then(|a| a.owner.as_deref()).unwrap_or("")),
                    Cell::Month(action.and_then(|a| a.due)),
                ],
                depth: i.row.head.depth,
            }
        })
        .collect();
    let table = Table {
        id: "material".into(),
        caption: caption(
            s,
            w,
            "Väsentliga avvikelser med förklaringar och åtgärder,",
            "Material deviations with explanations and actions,",
        ),
        columns: columns(
            w,
            &[
                ("Enhet", "Unit"),
                ("Avvikelse hittills", "Deviation to date"),
                ("Prognosavvikelse", "Forecast deviation"),
                ("Status", "Status"),
                ("Förklaring", "Explanation"),
                ("Åtgärd", "Action"),
                ("Ansvarig", "Owner"),
                ("Senast", "Due"),
            ],
        ),
        rows,
    };
    section(w, SectionKind::Material, vec![Block::Table(table)])
}

pub(crate) fn escalation(s: &Sources) -> Section {
    let w = words::of(s.lang);
    let rows: Vec<Row> = s
        .deviation
        .rows
        .iter()
        .filter_map(|r| {
            let e = r.escalation.as_ref()?;
            Some(Row {
                cells: vec![
                    text(&r.head.name),
                    Cell::Month(Some(e.first_seen)),
                    Cell::Month(Some(e.due)),
                    text(w.yes_no(e.material_now)),
                    Cell::Amount(e.expected_effects),
                    Cell::Percent(e.coverage),
                ],
                depth: r.head.depth,
            })
        })
        .collect();
    if rows.is_empty() {
        return section(w, SectionKind::Escalation, Vec::new());
    }
    let table = Table {
        id: "escalation".into(),
        caption: caption(
            s,
            w,
            "Eskalering och åtgärdsprogram,",
            "Escalation and action programmes,",
        ),
        columns: columns(
            w,
            &[
                ("Enhet", "Unit"),
                ("Väsentlig första gången", "First material"),
                ("Åtgärdsprogram senast", "Action programme due"),
                ("Väsentlig nu", "Material now"),
                ("Förväntad effekt", "Expected effect"),
                ("Täckning av gapet", "Gap covered"),
            ],
        ),
        rows,
    };
    section(w, SectionKind::Escalation, vec![Block::Table(table)])
}

pub(crate) fn effects(s: &Sources) -> Section {
    let w = words::of(s.lang);
    let measures: Vec<Row> = s
        .effects
        .measures
        .iter()
        .filter(|m| s.covers(&m.unit))
        // A measure of an earlier programme with nothing planned, realised or forecast this year
        // has no line in this year's paper.
        .filter(|m| {
            let y = &m.year;
            [y.planned, y.realised_to_date, y.forecast, y.expected]
                .iter()
                .any(|a| !a.is_zero())
        })
        .map(|m| Row {
            cells: vec![
                text(&m.title),
                text(w.stage(m.status)),
                Cell::Amount(Some(m.year.planned)),
                Cell::Amount(Some(m.year.realised_to_date)),
                Cell::Amount(Some(m.year.forecast)),
                Cell::Amount(Some(m.year.expected)),
                Cell::Amount(Some(m.year.shortfall)),
            ],
            depth: 0,
        })
        .collect();
    if measures.is_empty() {
        return section(w, SectionKind::Effects, Vec::new());
    }
    let mut blocks = vec![Block::Table(Table {
        id: "measures".into(),
        caption: format!(
            "{} {} {}",
            w.pick("Åtgärdernas effekter", "Effects of measures"),
            s.as_of.year(),
            of(s, w)
        ),
        columns: columns(
            w,
            &[
                ("Åtgärd", "Measure"),
                ("Status", "Status"),
                ("Planerad", "Planned"),
                ("Realiserad hittills", "Realised to date"),
                ("Prognos", "Forecast"),
                ("Förväntad", "Expected"),
                ("Utebliven", "Shortfall"),
            ],
        ),
        rows: measures,
    })];
    let programmes: Vec<Row> = s
        .programmes()
        .map(|p| Row {
            cells: vec![
                text(&p.name),
                text(&format!("{}–{}", p.from, p.to)),
                Cell::Amount(Some(p.target)),
                Cell::Amount(Some(p.period.expected)),
                Cell::Percent(p.coverage),
                Cell::Amount(Some(p.need)),
            ],
            depth: 0,
        })
        .collect();
    if !programmes.is_empty() {
        blocks.push(Block::Table(Table {
            id: "programmes".into(),
            caption: caption(
                s,
                w,
                "Åtgärdsprogram och behov av nya åtgärder,",
                "Programmes and the need for new measures,",
            ),
            columns: columns(
                w,
                &[
                    ("Program", "Programme"),
                    ("Period", "Period"),
                    ("Mål", "Target"),
                    ("Förväntad effekt", "Expected effect"),
                    ("Täckning", "Coverage"),
                    ("Behov av nya åtgärder", "Need for new measures"),
                ],
            ),
            rows: programmes,
        }));
    }
    section(w, SectionKind::Effects, blocks)
}

pub(crate) fn grants(s: &Sources) -> Section {
    let w = words::of(s.lang);
    let Some(g) = s
        .grants
        .rows
        .first()
        .filter(|g| !(g.ytd.grants.is_zero() && g.full_year.grants.is_zero()))
    else {
        return section(w, SectionKind::Grants, Vec::new());
    };
    let line = |label: &str, d: &crate::grants::dependency::Dependency| Row {
        cells: vec![
            text(label),
            Cell::Amount(Some(d.reported)),
            Cell::Amount(Some(d.temporary_effect)),
            Cell::Amount(Some(d.one_offs)),
            Cell::Amount(Some(d.structural)),
            text(w.yes_no(d.masking)),
        ],
        depth: 0,
    };
    let mut blocks = vec![Block::Table(Table {
        id: "grants".into(),
        caption: caption(
            s,
            w,
            "Resultat med och utan tillfälliga statsbidrag,",
            "Result with and without temporary state grants,",
        ),
        columns: columns(
            w,
            &[
                ("Period", "Period"),
                ("Redovisat resultat", "Reported result"),
                (
                    "Tillfälliga bidrag, resultatpåverkan",
                    "Temporary grants, result effect",
                ),
                ("Engångsposter", "One-off items"),
                (
                    "Resultat utan tillfälliga bidrag",
                    "Result without temporary grants",
                ),
                ("Döljer underskott", "Hides a deficit"),
            ],
        ),
        rows: vec![
            line(w.pick("Hittills i år", "To date"), &g.ytd),
            line(w.pick("Helårsprognos", "Full-year forecast"), &g.full_year),
        ],
    })];
    if !g.cliff.is_empty() {
        blocks.push(Block::Table(Table {
            id: "grants-cliff".into(),
            caption: caption(
                s,
                w,
                "Bidragsstupet: när tillfälliga bidrag upphör,",
                "The grant cliff: as temporary grants end,",
            ),
            columns: columns(
                w,
                &[
                    ("År", "Year"),
                    ("Bortfallen resultatpåverkan", "Result effect lost"),
                    ("Kvarstående kostnader", "Costs that stay"),
                    ("Strukturellt gap", "Structural gap"),
                ],
            ),
            rows: g
                .cliff
                .iter()
                .map(|c| Row {
                    cells: vec![
                        text(&c.year.to_string()),
                        Cell::Amount(Some(c.lost_effect)),
                        Cell::Amount(Some(c.remaining_costs)),
                        Cell::Amount(Some(c.gap)),
                    ],
                    depth: 0,
                })
                .collect(),
        }));
    }
    section(w, SectionKind::Grants, blocks)
}

pub(crate) fn bridge(s: &Sources) -> Section {
    let w = words::of(s.lang);
    let b = &s.bridge;
    let step = |kind: crate::bridge::StepKind| -> &str {
        use crate::bridge::StepKind as K;
        match kind {
            K::Measures => w.pick("Åtgärder (prognos − plan)", "Measures (forecast − plan)"),
            K::Grants => w.pick("Statsbidrag utöver budget", "State grants beyond budget"),
            K::OneOffs => w.pick("Engångsposter", "One-off items"),
            K::Volume => w.pick("Volym", "Volume"),
            K::Price => w.pick("Pris och effektivitet", "Price and efficiency"),
            K::Other => w.pick("Övrigt", "Other"),
        }
    };
    let budget = w.pick("Budgeterat resultat", "Budgeted result");
    let forecast = w.pick("Prognostiserat resultat", "Forecast result");
    let mut labels = vec![budget.to_string()];
    let (mut from, mut to) = (vec![Some(Amount::ZERO)], vec![Some(b.budget)]);
    let mut rows = vec![Row {
        cells: vec![
            text(budget),
            Cell::Amount(Some(b.budget)),
            Cell::Amount(Some(b.budget)),
        ],
        depth: 0,
    }];
    for st in &b.steps {
        labels.push(step(st.kind).into());
        from.push(Some(st.from));
        to.push(Some(st.to));
        rows.push(Row {
            cells: vec![
                text(step(st.kind)),
                Cell::Amount(Some(st.amount)),
                Cell::Amount(Some(st.to)),
            ],
            depth: 0,
        });
    }
    labels.push(forecast.into());
    from.push(Some(Amount::ZERO));
    to.push(Some(b.forecast));
    rows.push(Row {
        cells: vec![
            text(forecast),
            Cell::Amount(Some(b.forecast)),
            Cell::Amount(Some(b.forecast)),
        ],
        depth: 0,
    });
    let title = format!(
        "{} {} {}",
        w.pick("Resultatbrygga", "Result bridge"),
        b.year,
        of(s, w)
    );
    let figure = Figure {
        id: "bridge".into(),
        title: title.clone(),
        chart: Chart {
            kind: ChartKind::Waterfall,
            labels,
            series: vec![
                Series {
                    key: "from".into(),
                    label: w.pick("Från", "From").into(),
                    values: from,
                },
                Series {
                    key: "to".into(),
                    label: w.pick("Till", "To").into(),
                    values: to,
                },
            ],
        },
        table: Table {
            id: "bridge".into(),
            caption: title,
            columns: columns(
                w,
                &[
                    ("Steg", "Step"),
                    ("Belopp", "Amount"),
                    ("Resultat efter steget", "Result after the step"),
                ],
            ),
            rows,
        },
    };
    section(w, SectionKind::Bridge, vec![Block::Figure(figure)])
}

pub(crate) fn goals(s: &Sources) -> Section {
    let w = words::of(s.lang);
    if s.goals.goals.is_empty() {
        return section(w, SectionKind::Goals, Vec::new());
    }
    let counts = |name: &str, c: &crate::goals::Counts, depth| Row {
        cells: vec![
            text(name),
            Cell::Count(c.met),
            Cell::Count(c.partly),
            Cell::Count(c.not_met),
            Cell::Count(c.not_reported),
            Cell::Count(c.total),
        ],
        depth,
    };
    let mut rows: Vec<Row> = s
        .goals
        .goals
        .iter()
        .map(|g| counts(&g.name, &g.counts, 1))
        .collect();
    rows.push(counts(w.pick("Alla mål", "All goals"), &s.goals.counts, 0));
    let table = Table {
        id: "goals".into(),
        caption: format!(
            "{} {}",
            w.pick(
                "Måluppfyllelse, antal mätetal, regionens mål,",
                "Goal fulfilment, indicators counted, the region's goals,"
            ),
            w.month(s.as_of)
        ),
        columns: columns(
            w,
            &[
                ("Mål", "Goal"),
                ("Uppfyllt", "Met"),
                ("Delvis", "Partly"),
                ("Ej uppfyllt", "Not met"),
                ("Ej rapporterat", "Not reported"),
                ("Totalt", "Total"),
            ],
        ),
        rows,
    };
    let paragraph = summary::goals(s).map(Block::Paragraph);
    section(
        w,
        SectionKind::Goals,
        paragraph.into_iter().chain([Block::Table(table)]).collect(),
    )
}
