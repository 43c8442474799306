//! `member-states`: a page per state of the archive's recorded votes
//! (`/member-states/civ/`, by ISO code, so the address survives a change
//! of name) with each of its votes and the states that voted most and
//! least like it, and their index (`/member-states/`).

use std::hash::Hash;

use super::{one, Each, Form, Kind};
use crate::render::states::{state_view, states_index};
use crate::site::states::KIND_NAME;
use crate::site::{For, Site};

pub(crate) const KIND: Kind = Kind::new(
    KIND_NAME,
    "`member-states/`: a page per state of the recorded votes, and their index",
    &[
        Form {
            listed: true,
            ..Form::new(
                "the index of member states",
                Each::Site,
                |_, site, of| {
                    if site.states.is_empty() {
                        return Vec::new();
                    }
                    one("/member-states/", of)
                },
                |r, p| {
                    r.page(&p.path, "member_states.html", None, |ctx| {
                        ctx.insert("states", &states_index(r.config, r.site));
                    })
                },
                |f, _, h| {
                    for s in &f.site.states {
                        (&s.code, &s.name, s.votes.len()).hash(h);
                    }
                },
            )
        },
        Form {
            listed: true,
            describe: |form, _, site, o| {
                let name = state_of(site, o.of).map_or("", |s| s.name.as_str());
                format!("{} {name}", form.what)
            },
            ..Form::new(
                "the page of the member state",
                Each::State,
                |_, site, of| state_of(site, of).map_or_else(Vec::new, |s| vec![s.path.clone()]),
                |r, p| {
                    r.page(&p.path, "member_state.html", None, |ctx| {
                        if let Some(s) = state_of(r.site, p.output.of) {
                            ctx.insert("state", &state_view(r.config, r.site, s));
                        }
                    })
                },
                // Its votes, what each was on, and how alike the others
                // voted.
                |f, o, h| {
                    if let Some(s) = state_of(f.site, o.of) {
                        (&s.code, &s.name, &s.votes).hash(h);
                        for a in &s.alike {
                            (a.same, a.both, &f.site.states[a.state].name).hash(h);
                        }
                        for &(i, _) in &s.votes {
                            f.summary(h, i);
                        }
                    }
                },
            )
        },
    ],
);

fn state_of(site: &Site, of: For) -> Option<&crate::site::states::StateListing> {
    match of {
        For::State(k) => site.states.get(k),
        _ => None,
    }
}
