//! The job worker of one node: runs due jobs every tick (see [`crate::jobs`]) and
//! stops cleanly when the node shuts down: it claims nothing new, lets the job in
//! hand finish within the grace period, and otherwise gives it back to the queue
//! so another node takes it at once instead of after its lease.

use crate::App;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;
use tokio::sync::watch;

/// The running worker; [`Worker::stop`] ends it.
pub struct Worker {
    app: App,
    stop: watch::Sender<bool>,
    task: tokio::task::JoinHandle<()>,
    current: Arc<AtomicI64>,
}

/// Starts the worker: it schedules the daily jobs, then runs due jobs every `every`.
pub fn spawn(app: &App, every: Duration) -> Worker {
    let (stop, mut stopped) = watch::channel(false);
    let current = Arc::new(AtomicI64::new(0));
    let task = {
        let app = app.clone();
        let current = current.clone();
        tokio::spawn(async move {
            if let Err(e) = crate::jobs::schedule_retention(&app).await {
                tracing::warn!(error = %e, "scheduling the retention job failed");
            }
            let mut tick = tokio::time::interval(every);
            loop {
                tokio::select! {
                    _ = tick.tick() => {}
                    _ = stopped.changed() => break,
                }
                let go_on = || !*stopped.borrow();
                if let Err(e) = crate::jobs::run_due_while(&app, go_on, &current).await {
                    tracing::warn!(error = %e, "the job worker could not reach the queue");
                }
                if *stopped.borrow() {
                    break;
                }
            }
        })
    };
    Worker {
        app: app.clone(),
        stop,
        task,
        current,
    }
}

impl Worker {
    /// Claims no more jobs; waits up to `grace` for the job in hand, and gives it
    /// back to the queue when it does not finish in time.
    pub async fn stop(self, grace: Duration) {
        let _ = self.stop.send(true);
        let mut task = self.task;
        if tokio::time::timeout(grace, &mut task).await.is_ok() {
            return;
        }
        task.abort();
        let id = self.current.load(Ordering::SeqCst);
        if id != 0 {
            match self.app.store.release_job(id).await {
                Ok(()) => tracing::info!(job = id, "gave an unfinished job back to the queue"),
                Err(e) => {
                    tracing::warn!(job = id, error = %e, "could not give a job back; its lease will run out")
                }
            }
        }
    }
}
