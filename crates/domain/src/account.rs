//! Staff and other accounts: who they are, which organisations they belong to,
//! and in which role. Passwords are checked here; hashing lives in `loket-auth`.

use serde::{Deserialize, Serialize};

/// The least length of a password. Long passphrases beat complex short ones (NIST SP 800-63B).
pub const MIN_PASSWORD_CHARS: usize = 12;
/// The most: hashing very long inputs is a way to tire the server.
pub const MAX_PASSWORD_CHARS: usize = 128;

const COMMON_PASSWORDS: &str = include_str!("../data/common-passwords.txt");

/// The list as a set, built on first use (44,000 entries).
fn common_passwords() -> &'static std::collections::HashSet<&'static str> {
    static SET: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| {
        COMMON_PASSWORDS
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .collect()
    })
}

/// A role in an organisation, or network-wide (coordinator, funder, platform admin).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// Front-office staff of an organisation.
    Staff,
    /// Manages an organisation's people and services.
    OrgAdmin,
    /// The network's coordinator ("regisseur"): organisations, taxonomies, front-door questions.
    Coordinator,
    /// Sees aggregates only, never personal data.
    Funder,
    /// Runs the platform.
    PlatformAdmin,
    /// An employer's account (matching).
    Employer,
    /// A candidate's own account (matching).
    Candidate,
}

impl Role {
    pub const ALL: [Role; 7] = [
        Role::Staff,
        Role::OrgAdmin,
        Role::Coordinator,
        Role::Funder,
        Role::PlatformAdmin,
        Role::Employer,
        Role::Candidate,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Role::Staff => "staff",
            Role::OrgAdmin => "org-admin",
            Role::Coordinator => "coordinator",
            Role::Funder => "funder",
            Role::PlatformAdmin => "platform-admin",
            Role::Employer => "employer",
            Role::Candidate => "candidate",
        }
    }

    pub fn parse(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.code() == code)
    }

    /// Roles held within one organisation; the others are network-wide.
    pub fn is_per_organization(self) -> bool {
        matches!(self, Role::Staff | Role::OrgAdmin | Role::Employer)
    }

    /// Whoever can see personal data, and every admin, must use a second factor.
    pub fn needs_mfa(self) -> bool {
        matches!(
            self,
            Role::Staff | Role::OrgAdmin | Role::Coordinator | Role::PlatformAdmin
        )
    }
}

/// A normalised e-mail address: trimmed, lowercased, one `@`, a dot in the domain.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Email(String);

impl Email {
    pub fn parse(input: &str) -> Option<Email> {
        let e = input.trim().to_lowercase();
        let (local, domain) = e.split_once('@')?;
        let ok = !local.is_empty()
            && e.len() <= 254
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !e.contains(char::is_whitespace)
            && !domain.contains('@');
        ok.then_some(Email(e))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordProblem {
    TooShort,
    TooLong,
    Common,
    ContainsEmail,
}

impl PasswordProblem {
    /// A stable code, for message keys (`password-{code}`).
    pub fn code(self) -> &'static str {
        match self {
            PasswordProblem::TooShort => "too-short",
            PasswordProblem::TooLong => "too-long",
            PasswordProblem::Common => "common",
            PasswordProblem::ContainsEmail => "contains-email",
        }
    }
}

/// Everything wrong with a new password, all at once.
pub fn password_problems(password: &str, email: &Email) -> Vec<PasswordProblem> {
    let mut problems = Vec::new();
    let chars = password.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        problems.push(PasswordProblem::TooShort);
    }
    if chars > MAX_PASSWORD_CHARS {
        problems.push(PasswordProblem::TooLong);
    }
    let lowered = password.to_lowercase();
    if common_passwords().contains(lowered.as_str()) {
        problems.push(PasswordProblem::Common);
    }
    let local = email.as_str().split('@').next().unwrap_or("");
    if local.len() >= 4 && lowered.contains(local) {
        problems.push(PasswordProblem::ContainsEmail);
    }
    problems
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    pub id: String,
    pub email: Email,
    pub display_name: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub disabled: bool,
}

/// A role held by an account, in an organisation or network-wide (`organization_id: None`);
/// a coordinator's or funder's role may be tied to one labour-market region (`region`),
/// which bounds what it reaches (see `policy`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Membership {
    pub organization_id: Option<String>,
    pub role: Role,
    #[serde(default)]
    pub region: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_normalised_and_checked() {
        assert_eq!(
            Email::parse("  Anna.Jansen@Gemeente.NL ").map(|e| e.0),
            Some("anna.jansen@gemeente.nl".into())
        );
        for bad in [
            "",
            "anna",
            "anna@",
            "@gemeente.nl",
            "anna@gemeente",
            "an na@x.nl",
            "a@b@c.nl",
            "anna@.nl",
        ] {
            assert!(Email::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn weak_passwords_are_named_all_at_once() {
        let email = Email::parse("anna.jansen@gemeente.nl").expect("email");
        assert_eq!(
            password_problems("kort", &email),
            vec![PasswordProblem::TooShort]
        );
        assert_eq!(
            password_problems("Wachtwoord1234", &email),
            vec![PasswordProblem::Common]
        );
        assert_eq!(
            password_problems("anna.jansen-is-hier", &email),
            vec![PasswordProblem::ContainsEmail]
        );
        assert_eq!(
            password_problems(&"x".repeat(129), &email),
            vec![PasswordProblem::TooLong]
        );
        assert!(password_problems("paard batterij nietje correct", &email).is_empty());
        assert_eq!(
            password_problems("PasswordPassword", &email),
            vec![PasswordProblem::Common],
            "from the public list, whatever the case"
        );
    }

    #[test]
    fn roles_that_see_personal_data_need_a_second_factor() {
        assert!(
            Role::Staff.needs_mfa()
                && Role::PlatformAdmin.needs_mfa()
                && Role::Coordinator.needs_mfa()
        );
        assert!(!Role::Funder.needs_mfa());
        assert_eq!(Role::parse("org-admin"), Some(Role::OrgAdmin));
        assert!(Role::ALL.iter().all(|r| Role::parse(r.code()) == Some(*r)));
    }
}
