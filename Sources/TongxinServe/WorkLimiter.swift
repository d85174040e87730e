import Dispatch

/// Bounded concurrency for blocking work: at most `slots` jobs run at once, on threads of their own
/// (never the server's event loops or Swift's cooperative pool); a job that cannot start within
/// `wait` is refused with 503 instead of queueing without end.
public final class WorkLimiter: Sendable {
    private let semaphore: DispatchSemaphore
    private let wait: DispatchTimeInterval
    private let queue = DispatchQueue(label: "tongxin.serve.work", attributes: .concurrent)

    public init(slots: Int, wait: Duration) {
        semaphore = DispatchSemaphore(value: max(1, slots))
        let (seconds, attoseconds) = wait.components
        self.wait = .nanoseconds(Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000))
    }

    /// `work`'s result once a slot is free.
    ///
    /// - Throws: ``APIError`` 503 when no slot freed up in time; whatever `work` throws.
    public func run<T: Sendable>(_ work: @escaping @Sendable () throws(APIError) -> T) async throws(APIError) -> T {
        let result: Result<T, APIError> = await withCheckedContinuation { continuation in
            queue.async { [semaphore, wait] in
                guard semaphore.wait(timeout: .now() + wait) == .success else {
                    continuation.resume(returning: .failure(APIError(status: 503, "the server is busy; try again in a moment")))
                    return
                }
                defer { semaphore.signal() }
                continuation.resume(returning: Result { () throws(APIError) in try work() })
            }
        }
        return try result.get()
    }
}
