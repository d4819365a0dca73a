//! CPU-bound work (a search's scoring) off the async workers: a few jobs at
//! once, each within a time budget. Past the budget the caller gets a 503
//! and a `Retry-After`, while the job, already started, finishes on its own
//! thread with its permit, so a burst never runs more jobs than there are
//! permits.

use crate::error::AppError;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;

#[derive(Clone, Debug)]
pub struct CpuPool {
    permits: Arc<Semaphore>,
}

impl CpuPool {
    /// A pool running at most `size` jobs at once.
    pub fn new(size: usize) -> CpuPool {
        CpuPool {
            permits: Arc::new(Semaphore::new(size.max(1))),
        }
    }

    /// One job per core of this machine: scoring is pure computation.
    pub fn per_core() -> CpuPool {
        CpuPool::new(std::thread::available_parallelism().map_or(2, usize::from))
    }

    /// Runs `job` on a blocking thread once a permit is free, answering
    /// `Busy` if waiting and running take longer than `budget`.
    pub async fn run<T, F>(&self, budget: Duration, job: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce() -> T + Send + 'static,
    {
        let permits = self.permits.clone();
        let work = async move {
            let permit = permits
                .acquire_owned()
                .await
                .map_err(|_| AppError::Internal)?;
            tokio::task::spawn_blocking(move || {
                let _permit = permit;
                job()
            })
            .await
            .map_err(|error| {
                tracing::error!(%error, "a CPU job failed");
                AppError::Internal
            })
        };
        tokio::time::timeout(budget, work)
            .await
            .unwrap_or(Err(AppError::Busy))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_job_past_its_budget_answers_busy_and_keeps_its_permit() {
        let pool = CpuPool::new(1);
        let slow = pool.run(Duration::from_millis(50), || {
            std::thread::sleep(Duration::from_millis(400))
        });
        assert_eq!(slow.await, Err(AppError::Busy));
        // The slow job still holds the only permit: the next one waits past
        // its own budget instead of running beside it.
        let next = pool.run(Duration::from_millis(50), || 1);
        assert_eq!(next.await, Err(AppError::Busy));
        let later = pool.run(Duration::from_secs(5), || 2);
        assert_eq!(later.await, Ok(2));
    }
}
