//! Reading fields of JSON transcripts leniently (numbers written as strings,
//! labels written as integers) and turning serde's errors into the shape's
//! parse error.

use serde::de::{self, Deserializer, IgnoredAny, Visitor};
use serde::Deserialize;

use crate::{Error, Format};

/// Deserialises a shape's typed document, turning serde's message into an
/// error that names the shape and what it expected.
///
/// Valid JSON is never called invalid: serde reads a struct from an array
/// by position and then complains of "trailing characters" when the array
/// is longer than the struct, which is a wrong type, not bad JSON.
pub(crate) fn from_str<'a, T: Deserialize<'a>>(text: &'a str, format: Format, expected: &str) -> Result<T, Error> {
    serde_json::from_str(text).map_err(|e| {
        if e.is_data() || serde_json::from_str::<IgnoredAny>(text).is_ok() {
            Error::parse(format, e.line(), expected.to_string(), &e.to_string())
        } else {
            syntax_error(&e)
        }
    })
}

pub(crate) fn syntax_error(e: &serde_json::Error) -> Error {
    Error::UnknownFormat {
        path: None,
        tried: "json".into(),
        hint: format!("not valid JSON ({e})"),
    }
}

/// A number written as a JSON number or a numeric string (AWS writes
/// `"0.49"`); null, missing or anything else is `None`.
#[derive(Default, Clone, Copy, Debug)]
pub(crate) struct Num(pub Option<f64>);

impl<'de> Deserialize<'de> for Num {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(NumVisitor)
    }
}

struct NumVisitor;

impl<'de> Visitor<'de> for NumVisitor {
    type Value = Num;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a number or a numeric string")
    }
    fn visit_f64<E>(self, v: f64) -> Result<Num, E> {
        Ok(Num(Some(v)))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Num, E> {
        Ok(Num(Some(v as f64)))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Num, E> {
        Ok(Num(Some(v as f64)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Num, E> {
        Ok(Num(v.trim().parse::<f64>().ok()))
    }
    fn visit_bool<E>(self, _: bool) -> Result<Num, E> {
        Ok(Num(None))
    }
    fn visit_unit<E>(self) -> Result<Num, E> {
        Ok(Num(None))
    }
    fn visit_none<E>(self) -> Result<Num, E> {
        Ok(Num(None))
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Num, D::Error> {
        d.deserialize_any(NumVisitor)
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, mut a: A) -> Result<Num, A::Error> {
        while a.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Num(None))
    }
    fn visit_map<A: de::MapAccess<'de>>(self, mut a: A) -> Result<Num, A::Error> {
        while a.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Num(None))
    }
}

/// A label written as a string or an integer (Deepgram's `speaker: 0`);
/// null, missing, empty or anything else is `None`.
#[derive(Default, Clone, Debug)]
pub(crate) struct Label(pub Option<String>);

impl<'de> Deserialize<'de> for Label {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(LabelVisitor)
    }
}

struct LabelVisitor;

impl<'de> Visitor<'de> for LabelVisitor {
    type Value = Label;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a string or an integer")
    }
    fn visit_str<E>(self, v: &str) -> Result<Label, E> {
        let v = v.trim();
        Ok(Label((!v.is_empty()).then(|| v.to_string())))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Label, E> {
        Ok(Label(Some(v.to_string())))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Label, E> {
        Ok(Label(Some(v.to_string())))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Label, E> {
        Ok(Label(v.is_finite().then(|| v.to_string())))
    }
    fn visit_bool<E>(self, _: bool) -> Result<Label, E> {
        Ok(Label(None))
    }
    fn visit_unit<E>(self) -> Result<Label, E> {
        Ok(Label(None))
    }
    fn visit_none<E>(self) -> Result<Label, E> {
        Ok(Label(None))
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Label, D::Error> {
        d.deserialize_any(LabelVisitor)
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, mut a: A) -> Result<Label, A::Error> {
        while a.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Label(None))
    }
    fn visit_map<A: de::MapAccess<'de>>(self, mut a: A) -> Result<Label, A::Error> {
        while a.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Label(None))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lenient_numbers_and_labels() {
        let n: Vec<Num> = serde_json::from_str(r#"[1, 2.5, "3.25", null, "x", [1], {"a":1}, true]"#).unwrap();
        let got: Vec<Option<f64>> = n.iter().map(|n| n.0).collect();
        assert_eq!(
            got,
            vec![Some(1.0), Some(2.5), Some(3.25), None, None, None, None, None]
        );
        let l: Vec<Label> = serde_json::from_str(r#"["A", 0, " spk_1 ", "", null]"#).unwrap();
        let got: Vec<Option<String>> = l.into_iter().map(|l| l.0).collect();
        assert_eq!(
            got,
            vec![Some("A".into()), Some("0".into()), Some("spk_1".into()), None, None]
        );
    }
}
