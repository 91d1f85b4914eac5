//! Sorting by the rules of a language (Unicode collation, ICU4X): "Übach-Palenberg"
//! sorts with the U's, before "Würselen", and "Épinal" with the E's, whatever
//! the byte order of their letters.

use icu_collator::options::{CollatorOptions, Strength};
use icu_collator::{Collator, CollatorBorrowed};
use std::cmp::Ordering;

/// Compares strings for one language; falls back to the root order for an
/// unknown language (never fails: the compiled data covers every language we offer).
pub struct Collation(Option<CollatorBorrowed<'static>>);

impl Collation {
    pub fn new(lang: &str) -> Collation {
        let mut options = CollatorOptions::default();
        // Letters and accents count, case only to break ties.
        options.strength = Some(Strength::Tertiary);
        let collator = icu_locale_core::Locale::try_from_str(lang)
            .ok()
            .and_then(|locale| Collator::try_new((&locale).into(), options).ok());
        Collation(collator)
    }

    pub fn compare(&self, a: &str, b: &str) -> Ordering {
        match &self.0 {
            Some(c) => c.compare(a, b),
            None => a.cmp(b),
        }
    }

    /// Sorts `items` by the text `key` gives, in this language's order.
    pub fn sort_by_key<T>(&self, items: &mut [T], key: impl Fn(&T) -> &str) {
        items.sort_by(|a, b| self.compare(key(a), key(b)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_umlaut_sorts_with_its_letter() {
        let mut places = vec!["Würselen", "Übach-Palenberg", "Aachen", "Eschweiler"];
        Collation::new("de").sort_by_key(&mut places, |p| p);
        assert_eq!(
            places,
            ["Aachen", "Eschweiler", "Übach-Palenberg", "Würselen"]
        );
        let mut fr = vec!["Verviers", "Épinal", "Eupen"];
        Collation::new("fr").sort_by_key(&mut fr, |p| p);
        assert_eq!(fr, ["Épinal", "Eupen", "Verviers"]);
    }

    #[test]
    fn an_unknown_language_still_sorts() {
        let mut words = vec!["b", "a"];
        Collation::new("not a language!").sort_by_key(&mut words, |w| w);
        assert_eq!(words, ["a", "b"]);
    }
}
