//! CPU-bound work (a search's scoring) off the async workers, in two lanes:
//! ordinary jobs, one per core, and costly ones, one at a time on a thread
//! of the lowest scheduling priority, so that a burst of costly searches
//! slows itself, not everyone's ordinary ones: the costly thread gets a core
//! only when ordinary work leaves it idle. Each job has a time budget: past
//! it the caller gets `Busy` (503 with `Retry-After`) while the job, already
//! started, finishes with its permit, so a burst never runs more jobs than
//! there are permits.

use crate::error::AppError;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{mpsc, Arc};
use std::time::Duration;
use tokio::sync::{oneshot, OwnedSemaphorePermit, Semaphore};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lane {
    Ordinary,
    Costly,
}

/// A costly job with the permit it holds while it runs.
type CostlyJob = (Box<dyn FnOnce() + Send>, OwnedSemaphorePermit);

#[derive(Clone, Debug)]
pub struct CpuPool {
    ordinary: Arc<Semaphore>,
    costly: Arc<Semaphore>,
    costly_thread: mpsc::Sender<CostlyJob>,
}

impl CpuPool {
    /// A pool running at most `size` ordinary jobs and one costly job at once.
    pub fn new(size: usize) -> CpuPool {
        CpuPool {
            ordinary: Arc::new(Semaphore::new(size.max(1))),
            costly: Arc::new(Semaphore::new(1)),
            costly_thread: spawn_costly_thread(),
        }
    }

    /// One ordinary job per core of this machine: scoring is pure computation.
    pub fn per_core() -> CpuPool {
        CpuPool::new(std::thread::available_parallelism().map_or(2, usize::from))
    }

    /// Runs `job` off the async workers once its lane has a free permit,
    /// answering `Busy` if waiting and running take longer than `budget`.
    pub async fn run<T, F>(&self, lane: Lane, budget: Duration, job: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce() -> T + Send + 'static,
    {
        let work = async move {
            match lane {
                Lane::Ordinary => self.run_ordinary(job).await,
                Lane::Costly => self.run_costly(job).await,
            }
        };
        tokio::time::timeout(budget, work)
            .await
            .unwrap_or(Err(AppError::Busy))
    }

    async fn run_ordinary<T, F>(&self, job: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce() -> T + Send + 'static,
    {
        let permit = self.ordinary.clone().acquire_owned().await;
        let permit = permit.map_err(|_| AppError::Internal)?;
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            job()
        })
        .await
        .map_err(|error| {
            tracing::error!(%error, "a CPU job failed");
            AppError::Internal
        })
    }

    async fn run_costly<T, F>(&self, job: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce() -> T + Send + 'static,
    {
        let permit = self.costly.clone().acquire_owned().await;
        let permit = permit.map_err(|_| AppError::Internal)?;
        let (answer, result) = oneshot::channel();
        let job = Box::new(move || {
            // The caller may have given up (its budget): nobody to answer.
            let _ = answer.send(job());
        });
        if self.costly_thread.send((job, permit)).is_err() {
            tracing::error!("the costly-search thread has stopped");
            return Err(AppError::Internal);
        }
        result.await.map_err(|_| {
            tracing::error!("a costly CPU job failed");
            AppError::Internal
        })
    }
}

/// The thread costly jobs take turns on, at the lowest priority (nice 19 on
/// Linux). It ends when the last pool holding its sender is dropped.
fn spawn_costly_thread() -> mpsc::Sender<CostlyJob> {
    let (jobs, queue) = mpsc::channel::<CostlyJob>();
    let lowest = thread_priority::ThreadPriority::Min;
    let spawned = std::thread::Builder::new()
        .name("costly-search".into())
        .spawn(move || {
            if let Err(error) = thread_priority::set_current_thread_priority(lowest) {
                tracing::warn!(?error, "costly searches keep the normal priority");
            }
            for (job, _permit) in queue {
                // A panicking job drops its answer (the caller sees Internal),
                // not the thread.
                let _ = catch_unwind(AssertUnwindSafe(job));
            }
        });
    if let Err(error) = spawned {
        // The sender then fails at once and costly searches answer Internal.
        tracing::error!(%error, "could not start the costly-search thread");
    }
    jobs
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

    /// The scheduler's niceness of the calling thread (field 19 of its stat).
    #[cfg(target_os = "linux")]
    fn niceness() -> i32 {
        let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap();
        // The name (field 2) is in parentheses and may hold spaces.
        let after_name = &stat[stat.rfind(')').unwrap() + 2..];
        after_name.split(' ').nth(16).unwrap().parse().unwrap()
    }

    #[cfg(target_os = "linux")]
    #[tokio::test]
    async fn costly_jobs_run_at_the_lowest_priority_and_ordinary_ones_do_not() {
        let pool = CpuPool::new(1);
        let budget = Duration::from_secs(5);
        let costly = pool.run(Lane::Costly, budget, niceness).await.unwrap();
        let ordinary = pool.run(Lane::Ordinary, budget, niceness).await.unwrap();
        assert_eq!((costly, ordinary), (19, niceness()));
    }

    #[tokio::test]
    async fn a_panicking_costly_job_answers_internal_and_the_lane_goes_on() {
        let pool = CpuPool::new(1);
        // Generous: a lowest-priority thread waits long on a busy machine,
        // and this test is about the panic, not the time.
        let budget = Duration::from_secs(60);
        let failed = pool.run(Lane::Costly, budget, || panic!("a bug in a search"));
        assert_eq!(failed.await, Err::<(), _>(AppError::Internal));
        assert_eq!(pool.run(Lane::Costly, budget, || 3).await, Ok(3));
    }
}
