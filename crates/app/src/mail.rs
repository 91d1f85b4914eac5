//! Outgoing mail. Messages are queued as jobs (`mail`) and sent by the job
//! worker, so a slow or absent mail server never holds up a request and a
//! failed delivery is retried. Mails carry links, never personal data beyond
//! the recipient's own address.

use lettre::message::Mailbox;
use lettre::message::header::{HeaderName, HeaderValue};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// The job kind of a queued mail.
pub const JOB_KIND: &str = "mail";

/// Queues a message in the database; the job worker sends it (and retries).
pub async fn enqueue(app: &crate::App, mail: &Mail) -> Result<(), loket_store::StoreError> {
    let payload =
        serde_json::to_string(mail).map_err(|e| loket_store::StoreError::Corrupt(e.to_string()))?;
    app.store
        .enqueue(JOB_KIND, &payload, app.clock.unix())
        .await
        .map(|_| ())
}

/// A queued message (the `mail` job's payload).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mail {
    pub to: String,
    pub subject: String,
    pub body: String,
    /// A link that ends what the mail is about without signing in; sent as
    /// `List-Unsubscribe` with one-click unsubscribing (RFC 8058), so mail
    /// programs can offer it too.
    #[serde(default)]
    pub unsubscribe: Option<String>,
    /// An iCalendar file sent along (`event.ics`), e.g. with a registration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calendar: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("mail settings: {0}")]
    Config(String),
    #[error("building the message failed: {0}")]
    Build(String),
    #[error("sending failed: {0}")]
    Send(String),
}

enum Transport {
    /// An SMTP server, e.g. `smtp://127.0.0.1:25` (a local relay that handles TLS onward).
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    /// No mail server configured: messages are written as `.eml` files here
    /// (development and demos), and the log says where.
    Directory(PathBuf),
}

pub struct Mailer {
    transport: Transport,
    from: Mailbox,
}

impl Mailer {
    /// `smtp_url` like `smtp://host:port` or `smtp://user:password@host:port`:
    /// plain SMTP to a relay on the same host or network (the relay handles TLS
    /// onward; see docs/deployment.md). TLS is left out to keep the build lean.
    pub fn smtp(smtp_url: &str, from: &str) -> Result<Self, MailError> {
        let rest = smtp_url
            .strip_prefix("smtp://")
            .ok_or_else(|| MailError::Config("smtp_url must start with smtp://".into()))?;
        let (credentials, host_port) = match rest.rsplit_once('@') {
            Some((creds, hp)) => (Some(creds), hp),
            None => (None, rest),
        };
        let (host, port) = match host_port.rsplit_once(':') {
            Some((h, p)) => (
                h,
                p.trim_end_matches('/')
                    .parse::<u16>()
                    .map_err(|_| MailError::Config(format!("bad port in smtp_url: {p:?}")))?,
            ),
            None => (host_port.trim_end_matches('/'), 25),
        };
        if host.is_empty() {
            return Err(MailError::Config("smtp_url has no host".into()));
        }
        let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host).port(port);
        if let Some(creds) = credentials {
            let (user, password) = creds.split_once(':').unwrap_or((creds, ""));
            builder =
                builder.credentials(lettre::transport::smtp::authentication::Credentials::new(
                    user.to_string(),
                    password.to_string(),
                ));
        }
        let transport = builder.build();
        Ok(Mailer {
            transport: Transport::Smtp(transport),
            from: from
                .parse()
                .map_err(|e: lettre::address::AddressError| MailError::Config(e.to_string()))?,
        })
    }

    pub fn directory(dir: PathBuf, from: &str) -> Result<Self, MailError> {
        Ok(Mailer {
            transport: Transport::Directory(dir),
            from: from
                .parse()
                .map_err(|e: lettre::address::AddressError| MailError::Config(e.to_string()))?,
        })
    }

    pub async fn send(&self, mail: &Mail) -> Result<(), MailError> {
        let to: Mailbox = mail
            .to
            .parse()
            .map_err(|e: lettre::address::AddressError| MailError::Build(e.to_string()))?;
        let mut builder = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(mail.subject.clone());
        if let Some(link) = &mail.unsubscribe {
            builder = builder
                .raw_header(HeaderValue::new(
                    HeaderName::new_from_ascii_str("List-Unsubscribe"),
                    format!("<{link}>"),
                ))
                .raw_header(HeaderValue::new(
                    HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
                    "List-Unsubscribe=One-Click".to_string(),
                ));
        }
        let message = match &mail.calendar {
            None => builder.body(mail.body.clone()),
            Some(ics) => builder.multipart(calendar_parts(&mail.body, ics)?),
        }
        .map_err(|e| MailError::Build(e.to_string()))?;
        match &self.transport {
            Transport::Smtp(t) => t
                .send(message)
                .await
                .map(|_| ())
                .map_err(|e| MailError::Send(e.to_string())),
            Transport::Directory(dir) => {
                tokio::fs::create_dir_all(dir)
                    .await
                    .map_err(|e| MailError::Send(e.to_string()))?;
                let file = dir.join(format!("{}.eml", uuid::Uuid::new_v4()));
                tokio::fs::write(&file, message.formatted())
                    .await
                    .map_err(|e| MailError::Send(e.to_string()))?;
                tracing::info!(file = %file.display(), "no mail server configured: the message was written to a file");
                Ok(())
            }
        }
    }
}

/// The text and the calendar file as a multipart/mixed body.
fn calendar_parts(body: &str, ics: &str) -> Result<lettre::message::MultiPart, MailError> {
    use lettre::message::{Attachment, MultiPart, SinglePart, header::ContentType};
    let calendar = ContentType::parse("text/calendar; charset=utf-8; method=PUBLISH")
        .map_err(|e| MailError::Build(e.to_string()))?;
    Ok(MultiPart::mixed()
        .singlepart(SinglePart::plain(body.to_string()))
        .singlepart(Attachment::new("event.ics".into()).body(ics.to_string(), calendar)))
}
