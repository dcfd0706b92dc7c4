//! Reading `warmcall.toml` (to be written: line numbers in errors,
//! `--print-default`).

use crate::lexicon::Lexicon;
use crate::{Config, Error};

/// Parses a config file's text.
pub fn parse_config(text: &str) -> Result<Config, Error> {
    toml::from_str(text).map_err(|e: toml::de::Error| Error::Config {
        key: String::new(),
        line: e.span().map(|s| crate::lexicon::line_of(text, s.start)).unwrap_or(0),
        message: e.message().to_string(),
    })
}

/// Applies `[lexicon.LANG]` changes to the loaded lexicons.
pub(crate) fn apply_lexicon_changes(config: &Config, lexicons: &mut Vec<Lexicon>) -> Result<(), Error> {
    for (lang, change) in &config.lexicon {
        if let Some(table) = &change.replace {
            let lex = Lexicon::from_table(lang, table)?;
            lexicons.retain(|l| &l.lang != lang);
            lexicons.push(lex);
        }
        if let Some(file) = &change.file {
            let text = std::fs::read_to_string(file).map_err(|e| Error::Config {
                key: format!("lexicon.{lang}.file"),
                line: 0,
                message: format!("cannot read {file}: {e}"),
            })?;
            let lex = Lexicon::from_toml(lang, &text)?;
            lexicons.retain(|l| &l.lang != lang);
            lexicons.push(lex);
        }
        let Some(lex) = lexicons.iter_mut().find(|l| &l.lang == lang) else {
            return Err(Error::Config {
                key: format!("lexicon.{lang}"),
                line: 0,
                message: "no lexicon for this language; give `file` or `replace`".into(),
            });
        };
        for (name, phrases) in &change.add {
            lex.add(name, phrases);
        }
    }
    Ok(())
}
