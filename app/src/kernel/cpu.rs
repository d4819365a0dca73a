//! CPU-bound work (a search's scoring) off the async workers, in two lanes:
//! ordinary jobs, one per core, and costly ones, one at a time, so that a
//! burst of costly searches slows itself, not everyone's ordinary ones.
//! Each job has a time budget: past it the caller gets `Busy` (503 with
//! `Retry-After`) while the job, already started, finishes on its own
//! thread with its permit, so a burst never runs more jobs than there are
//! permits.

use crate::error::AppError;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lane {
    Ordinary,
    Costly,
}

#[derive(Clone, Debug)]
pub struct CpuPool {
    ordinary: Arc<Semaphore>,
    costly: Arc<Semaphore>,
}

impl CpuPool {
    /// A pool running at most `size` ordinary jobs and one costly job at once.
    pub fn new(size: usize) -> CpuPool {
        CpuPool {
            ordinary: Arc::new(Semaphore::new(size.max(1))),
            costly: Arc::new(Semaphore::new(1)),
        }
    }

    /// One ordinary job per core of this machine: scoring is pure computation.
    pub fn per_core() -> CpuPool {
        CpuPool::new(std::thread::available_parallelism().map_or(2, usize::from))
    }

    /// Runs `job` on a blocking thread once its lane has a free permit,
    /// answering `Busy` if waiting and running take longer than `budget`.
    pub async fn run<T, F>(&self, lane: Lane, budget: Duration, job: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce() -> T + Send + 'static,
    {
        let permits = match lane {
            Lane::Ordinary => self.ordinary.clone(),
            Lane::Costly => self.costly.clone(),
        };
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
        let slow = pool.run(Lane::Ordinary, Duration::from_millis(50), || {
            std::thread::sleep(Duration::from_millis(400))
        });
        assert_eq!(slow.await, Err(AppError::Busy));
        // The slow job still holds the only permit: the next one waits past
        // its own budget instead of running beside it.
        let next = pool.run(Lane::Ordinary, Duration::from_millis(50), || 1);
        assert_eq!(next.await, Err(AppError::Busy));
        let later = pool.run(Lane::Ordinary, Duration::from_secs(5), || 2);
        assert_eq!(later.await, Ok(2));
    }

    #[tokio::test]
    async fn costly_jobs_do_not_hold_up_ordinary_ones() {
        let pool = CpuPool::new(1);
        let shared = pool.clone();
        let costly = tokio::spawn(async move {
            let sleep = || std::thread::sleep(Duration::from_millis(300));
            shared
                .run(Lane::Costly, Duration::from_secs(5), sleep)
                .await
        });
        tokio::time::sleep(Duration::from_millis(50)).await;
        // The costly lane is taken; the ordinary one is free.
        let ordinary = pool.run(Lane::Ordinary, Duration::from_millis(100), || 1);
        assert_eq!(ordinary.await, Ok(1));
        let second = pool.run(Lane::Costly, Duration::from_millis(100), || 2);
        assert_eq!(second.await, Err(AppError::Busy));
        assert_eq!(costly.await.unwrap(), Ok(()));
    }
}
