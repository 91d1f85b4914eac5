//! Phone numbers: checked against libphonenumber's numbering plans (the
//! `phonenumber` crate) and written in international form, so a number typed
//! as `043-3504040` shows and dials as `+31 43 350 4040` from any country.

use phonenumber::{Mode, country::Id};

/// The country a number without a `+` prefix is read in: loket's deployments are Dutch.
const HOME: Id = Id::NL;

/// A valid phone number in international form, or `None`.
pub fn international(input: &str) -> Option<String> {
    let input = input.trim();
    // libphonenumber reads any run of digits as a number; a letter means it is not one.
    if input.is_empty() || input.chars().any(char::is_alphabetic) {
        return None;
    }
    let number = phonenumber::parse(Some(HOME), input).ok()?;
    phonenumber::is_valid(&number).then(|| number.format().mode(Mode::International).to_string())
}

/// What a visitor typed to be reached at: an e-mail address or a phone number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContactAddress {
    Email(String),
    Phone(String),
}

impl ContactAddress {
    /// Reads an e-mail address (anything with an `@`) or a phone number.
    pub fn parse(input: &str) -> Option<ContactAddress> {
        if input.contains('@') {
            crate::account::Email::parse(input).map(|e| ContactAddress::Email(e.as_str().into()))
        } else {
            international(input).map(ContactAddress::Phone)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_checked_and_written_internationally() {
        assert_eq!(
            international("043-3504040").as_deref(),
            Some("+31 43 350 4040")
        );
        assert_eq!(
            international("06 12345678").as_deref(),
            Some("+31 6 12345678")
        );
        assert_eq!(
            international("+49 800 4555500").as_deref(),
            Some("+49 800 4555500")
        );
        assert_eq!(
            international("+32 2 508 38 11").as_deref(),
            Some("+32 2 508 38 11")
        );
        for bad in ["asdf", "12345", "", "06-1234", "call me on 0612345678"] {
            assert_eq!(international(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_contact_is_an_address_or_a_number() {
        assert_eq!(
            ContactAddress::parse(" Anna@Example.org "),
            Some(ContactAddress::Email("anna@example.org".into()))
        );
        assert_eq!(
            ContactAddress::parse("0612345678"),
            Some(ContactAddress::Phone("+31 6 12345678".into()))
        );
        assert_eq!(ContactAddress::parse("asdf"), None);
        assert_eq!(ContactAddress::parse("anna@"), None);
    }
}
