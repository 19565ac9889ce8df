import COpenBLAS

/// How the matrix products run: on the thread that asks for them, never on OpenBLAS's own pool.
///
/// OpenBLAS starts its pool as it loads, a thread a core, and each of those threads spins for
/// about a tenth of a second (2^28 cycles) waiting for work before it sleeps. This program's
/// products are either too small to share (one query) or already spread over the cores a batch a
/// thread (`SentenceEncoder`), so the pool only takes a core away: from a start reading a large
/// corpus's vectors and index at once, a spinning thread took 60 ms of CPU and slowed both.
public enum MatrixProducts {
    /// One thread for OpenBLAS and its pool ended; as early as a program can, and once (setting
    /// the thread count again would start a new pool).
    public static func onCallersThreadOnly() {
        _ = once
    }

    private static let once: Void = {
        // First: setting the count starts a pool if there is none.
        openblas_set_num_threads(1)
        _ = blas_thread_shutdown_()
    }()
}
