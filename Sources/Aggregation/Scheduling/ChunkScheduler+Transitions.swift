extension ChunkScheduler {
    /// Adds a job's chunks (in sending order) and fills the window. `stats` carries counters over a restart.
    public mutating func add(
        job: JobID, items: [ScheduledChunk], stats: SchedulerStats = SchedulerStats(), now: Instant
    )
        -> [Action]
    {
        var stats = stats
        stats.chunks = max(stats.chunks, items.count)
        var progress = Job(remaining: 0, stats: stats)
        for item in items {
            let key = ChunkKey(job: job, chunk: item.chunk)
            guard records[key] == nil else { continue }
            records[key] = Record(article: item.article, attempts: item.attempts)
            progress.articles[item.article, default: []].append(item.chunk)
            progress.remaining += 1
            queue.append(key)
        }
        jobs[job] = progress
        if progress.remaining == 0 {
            jobs[job] = nil
            return [.jobFinished(job, stats)] + fill(now: now)
        }
        return fill(now: now)
    }

    /// Takes a reply for `key`; `error` is the worker's error text when it could not process the chunk.
    public mutating func receive(_ key: ChunkKey, error: String? = nil, now: Instant) -> (ReplyOutcome, [Action]) {
        guard var record = records[key], jobs[key.job] != nil else {
            return (.late, [])
        }
        switch record.state {
        case .done:
            jobs[key.job]?.stats.duplicatesDropped += 1
            return (.duplicate, [])
        case .failed, .cancelled:
            jobs[key.job]?.stats.lateReplies += 1
            return (.late, [])
        case .pending, .inFlight:
            break
        }
        inFlight.remove(key)
        var actions: [Action] = []
        if let error {
            actions += fail(key, reason: "worker error on chunk \(key.chunk): \(error)")
        } else {
            record.state = .done
            records[key] = record
            if var progress = jobs[key.job] {
                if let sentAt = record.sentAt {
                    let seconds = Self.seconds(sentAt.duration(to: now))
                    progress.stats.replySecondsTotal += seconds
                    progress.stats.replySecondsMaximum = max(progress.stats.replySecondsMaximum, seconds)
                }
                progress.stats.chunksDone += 1
                jobs[key.job] = progress
            }
            actions += complete(key)
        }
        return (.accepted, actions + fill(now: now))
    }

    /// Retries or fails every chunk whose reply is overdue at `now`, then refills the window.
    public mutating func tick(now: Instant) -> [Action] {
        let overdue = inFlight.filter { key in records[key]?.deadline.map { $0 <= now } ?? false }
        var actions: [Action] = []
        for key in overdue.sorted(by: { ($0.job, $0.chunk) < ($1.job, $1.chunk) }) {
            guard let record = records[key] else { continue }
            inFlight.remove(key)
            if record.attempts < configuration.maximumAttempts {
                requeue(key)
            } else {
                let plural = record.attempts == 1 ? "" : "s"
                actions += fail(key, reason: "chunk \(key.chunk): no reply after \(record.attempts) attempt\(plural)")
            }
        }
        return actions + fill(now: now)
    }

    /// Starts every in-flight chunk's wait for a reply again at `now`: the time so far does not
    /// count. For a wait that cannot end well, such as while no worker serves the chunks at all
    /// (they wait in the broker's queue, and sending them again would only queue copies and use up
    /// attempts).
    public mutating func postponeDeadlines(now: Instant) {
        let deadline = now.advanced(by: configuration.timeout)
        deadlines.removeAll(keepingCapacity: true)
        deadlineHead = 0
        for key in inFlight {
            records[key]?.deadline = deadline
            deadlines.append((key, deadline))
        }
    }

    /// Takes a worker's failure reply for `key` (its handler failed on the chunk): a failed attempt
    /// at once. The chunk goes out again while attempts remain; after the last one its article fails
    /// with the worker's `reason`. Replies for chunks not in flight are late.
    public mutating func receiveFailure(_ key: ChunkKey, reason: String, now: Instant) -> (ReplyOutcome, [Action]) {
        guard let record = records[key], jobs[key.job] != nil, record.state == .inFlight else {
            if records[key] != nil { jobs[key.job]?.stats.lateReplies += 1 }
            return (.late, [])
        }
        inFlight.remove(key)
        guard record.attempts >= configuration.maximumAttempts else {
            requeue(key)
            return (.accepted, fill(now: now))
        }
        let plural = record.attempts == 1 ? "" : "s"
        let reason = "chunk \(key.chunk): worker failed after \(record.attempts) attempt\(plural): \(reason)"
        return (.accepted, fail(key, reason: reason) + fill(now: now))
    }

    /// Whether `key` is in flight now (a reply for it is awaited).
    public func isInFlight(_ key: ChunkKey) -> Bool { inFlight.contains(key) }

    /// Puts an in-flight chunk back in line, ahead of new chunks; its next send counts as a retry.
    private mutating func requeue(_ key: ChunkKey) {
        records[key]?.state = .pending
        records[key]?.deadline = nil
        retryQueue.append(key)
    }

    /// Sets the most requests in flight (at least 1) and sends what a larger window has room for
    /// now. A smaller window recalls nothing: it sends nothing new until replies bring the count under it.
    public mutating func resize(window: Int, now: Instant) -> [Action] {
        configuration.window = max(1, window)
        return fill(now: now)
    }

    /// Sends queued chunks (retries first) while the window has room. A chunk sent before (here or
    /// by an aggregator before a restart) counts as a retry.
    mutating func fill(now: Instant) -> [Action] {
        var actions: [Action] = []
        while inFlight.count < configuration.window {
            guard let key = retryQueue.popFirst() ?? queue.popFirst() else { break }
            guard var record = records[key], record.state == .pending else { continue }
            if record.attempts > 0 { jobs[key.job]?.stats.retries += 1 }
            record.state = .inFlight
            record.attempts += 1
            record.sentAt = now
            record.deadline = now.advanced(by: configuration.timeout)
            records[key] = record
            inFlight.insert(key)
            deadlines.append((key, now.advanced(by: configuration.timeout)))
            actions.append(.send(key, attempt: record.attempts))
        }
        pruneDeadlines()
        return actions
    }

    /// Drops stale entries from the front of `deadlines` (and compacts it now and then).
    private mutating func pruneDeadlines() {
        while deadlineHead < deadlines.count, !isLive(deadlines[deadlineHead]) {
            deadlineHead += 1
        }
        if deadlineHead > 1024, deadlineHead * 2 > deadlines.count {
            deadlines.removeFirst(deadlineHead)
            deadlineHead = 0
        }
    }

    /// Fails `key` and its article, cancelling the article's other unfinished chunks.
    private mutating func fail(_ key: ChunkKey, reason: String) -> [Action] {
        guard let record = records[key], var job = jobs[key.job] else { return [] }
        records[key]?.state = .failed
        job.stats.failures += 1
        var finishedNow = 1
        for other in job.articles[record.article] ?? [] where other != key.chunk {
            let otherKey = ChunkKey(job: key.job, chunk: other)
            guard let state = records[otherKey]?.state, state == .pending || state == .inFlight else { continue }
            records[otherKey]?.state = .cancelled
            inFlight.remove(otherKey)
            finishedNow += 1
        }
        var actions: [Action] = []
        if job.failedArticles.insert(record.article).inserted {
            actions.append(.failArticle(job: key.job, article: record.article, reason: reason))
        }
        job.remaining -= finishedNow
        jobs[key.job] = job
        return actions + finishIfDone(key.job)
    }

    private mutating func complete(_ key: ChunkKey) -> [Action] {
        jobs[key.job]?.remaining -= 1
        return finishIfDone(key.job)
    }

    private mutating func finishIfDone(_ job: JobID) -> [Action] {
        guard let progress = jobs[job], progress.remaining <= 0 else { return [] }
        for chunks in progress.articles.values {
            for chunk in chunks { records[ChunkKey(job: job, chunk: chunk)] = nil }
        }
        jobs[job] = nil
        return [.jobFinished(job, progress.stats)]
    }

    static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
