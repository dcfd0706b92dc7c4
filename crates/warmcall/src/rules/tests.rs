//! The matcher over hand-written classes and lists.

use super::*;

fn s(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| x.to_string()).collect()
}

/// Compiles `lists` over `classes` and returns which lists hit `text`.
fn hits(classes: &[(&str, &[&str])], lists: &[(&str, &[&str])], text: &str) -> Vec<String> {
    let owned: Vec<(&str, Vec<String>)> = classes.iter().map(|(n, e)| (*n, s(e))).collect();
    let refs: Vec<(&str, &[String])> = owned.iter().map(|(n, e)| (*n, e.as_slice())).collect();
    let mut c = Compiler::new(&refs).expect("classes compile");
    for (n, p) in lists {
        c.add_list(n, &s(p)).expect("list compiles");
    }
    let m = c.finish();
    let mut toks = Tokens::default();
    let r = Tokenizer::new(m.vocab()).push_sentence(text, 0, &mut toks);
    let mut h = Hits::default();
    m.scan(toks.view(r), &mut h);
    lists
        .iter()
        .filter(|(n, _)| h.has(m.list(n).unwrap()))
        .map(|(n, _)| n.to_string())
        .collect()
}

fn one(classes: &[(&str, &[&str])], pattern: &str, text: &str) -> bool {
    !hits(classes, &[("l", &[pattern])], text).is_empty()
}

const DAYS: (&str, &[&str]) = ("day", &["monday", "tuesday", "friday"]);

#[test]
fn words_and_classes() {
    assert!(one(&[DAYS], "see you @day", "OK, see you Friday!"));
    assert!(!one(&[DAYS], "see you @day", "See you soon."));
    // Multi-word class entries and classes naming classes.
    let part: (&str, &[&str]) = ("when", &["@day (morning | afternoon)?", "the day after tomorrow"]);
    assert!(one(&[DAYS, part], "on @when", "on the day after tomorrow"));
    assert!(one(&[DAYS, part], "on @when $", "on Tuesday afternoon"));
    assert!(!one(&[DAYS, part], "on @when $", "on Tuesday we close"));
}

#[test]
fn optional_parts_alternatives_and_wildcards() {
    assert!(one(&[], "no thank (you | s)?", "No, thank you."));
    assert!(one(&[], "no (thanks | thank you)", "no thanks"));
    assert!(!one(&[], "no (thanks | thank you)", "no, thank goodness"));
    assert!(one(&[], "donat*", "Would you consider a donation?"));
    assert!(!one(&[], "donat*", "A don at the college."));
}

#[test]
fn gaps_stay_inside_a_clause() {
    assert!(one(&[], "sounds ..2 good", "that sounds really very good"));
    assert!(!one(&[], "sounds ..2 good", "that sounds really very very good"));
    assert!(!one(&[], "sounds ..2 good", "it sounds odd, honestly good"));
}

#[test]
fn anchors() {
    assert!(one(&[], "^ no", "No, I said."));
    assert!(!one(&[], "^ no", "I said no."));
    assert!(one(&[], "< not now", "Sorry, not now"));
    assert!(!one(&[], "< not now", "I can not now say"));
    assert!(one(&[], "busy >", "We are busy, sorry"));
    assert!(!one(&[], "busy >", "we are busy people"));
    assert!(one(&[], "^ fine $", "Fine."));
    assert!(!one(&[], "^ fine $", "Fine by me."));
}

#[test]
fn token_predicates() {
    assert!(one(&[], "at #hour", "at 9 then"));
    assert!(!one(&[], "at #hour", "at 300 then"));
    assert!(one(&[], "at #clock", "at 10:30"));
    assert!(!one(&[], "at #clock", "at 10:75"));
    assert!(one(&[], "#num percent?", "about 40 percent"));
    assert!(!one(&[], "#num", "about forty"));
}

#[test]
fn several_lists_in_one_pass() {
    let got = hits(
        &[DAYS],
        &[("time", &["@day"]), ("yes", &["^ (yes | sure)"]), ("no", &["^ no"])],
        "Sure, Tuesday works.",
    );
    assert_eq!(got, ["time", "yes"]);
}

#[test]
fn hits_say_where() {
    let mut c = Compiler::new(&[]).unwrap();
    let l = c.add_list("l", &s(&["not ..2 interested"])).unwrap();
    let m = c.finish();
    let mut toks = Tokens::default();
    let r = Tokenizer::new(m.vocab()).push_sentence("Well, we're not really interested.", 0, &mut toks);
    let mut h = Hits::default();
    m.scan(toks.view(r), &mut h);
    assert_eq!(h.span(l), Some((2, 5)));
}

#[test]
fn bad_classes_and_patterns_are_errors() {
    let circle = [("a", s(&["@b"])), ("b", s(&["x @a"]))];
    let refs: Vec<(&str, &[String])> = circle.iter().map(|(n, e)| (*n, e.as_slice())).collect();
    let e = Compiler::new(&refs).unwrap_err();
    assert!(e.to_string().contains("circle"), "{e}");
    let mut c = Compiler::new(&[]).unwrap();
    let e = c.add_list("l", &s(&["(a"])).unwrap_err();
    assert_eq!(e.name, "l");
    let e = c.add_list("l", &s(&["^ a?"])).unwrap_err();
    assert!(e.to_string().contains("without any word"), "{e}");
}

#[test]
fn class_words_are_the_ids_of_a_class_of_single_words() {
    let ok = [
        ("yes", s(&["yeah", "yep", "uh-huh"])),
        ("reply", s(&["@yes", "(sure | okay)", "@one"])),
        ("one", s(&["fine"])),
        ("phrase", s(&["@yes", "got it"])),
        ("empty", s(&[])),
    ];
    let refs: Vec<(&str, &[String])> = ok.iter().map(|(n, e)| (*n, e.as_slice())).collect();
    let m = Compiler::new(&refs).unwrap().finish();
    let words = |name: &str| {
        m.class_words(name).map(|ids| {
            let mut w: Vec<&str> = m
                .vocab()
                .words()
                .filter(|(id, _)| ids.contains(id))
                .map(|x| x.1)
                .collect();
            w.sort_unstable();
            w
        })
    };
    // A hyphenated entry is one word, as the tokenizer reads it.
    assert_eq!(words("yes").unwrap(), ["uh-huh", "yeah", "yep"]);
    // Classes and groups of single words are single words too.
    assert_eq!(
        words("reply").unwrap(),
        ["fine", "okay", "sure", "uh-huh", "yeah", "yep"]
    );
    assert_eq!(words("empty").unwrap(), Vec::<&str>::new());
    // Near misses: an entry of two words, and no such class.
    assert_eq!(words("phrase"), None);
    assert_eq!(words("nope"), None);
}
